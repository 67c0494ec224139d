-- The model registry of the retraining loop (docs/ML.md, "Retraining loop"; docs/OPERATIONS.md, "Retraining").
-- model_runs: one row per retraining run (running, finished or failed), with its model-card section.
-- model_decisions: one row per model and run: data window, the candidate's and the serving model's
-- figures on the same test window, and the decision (promoted, refused, skipped) with its reason.
-- model_files: every promoted (or shipped) model version's files, content-addressed by (model, version).
-- model_sets: the serving sets, newest last; every silo serves the newest row. A promotion or a rollback
-- appends a row (previous_id names the set it replaced), so history is never rewritten.
CREATE TABLE IF NOT EXISTS model_runs (
    run_id       uuid        PRIMARY KEY,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NULL,
    trigger      text        NOT NULL,
    requested_by text        NOT NULL,
    status       text        NOT NULL,
    statements   bigint      NULL,
    shuffled     boolean     NOT NULL DEFAULT false,
    test_weeks   integer     NOT NULL,
    error        text        NULL,
    card         text        NULL,
    set_id       bigint      NULL
);
CREATE INDEX IF NOT EXISTS model_runs_started ON model_runs (started_at DESC);

CREATE TABLE IF NOT EXISTS model_decisions (
    run_id            uuid             NOT NULL REFERENCES model_runs (run_id),
    model             text             NOT NULL,
    metric            text             NOT NULL,
    decision          text             NOT NULL,
    reason            text             NOT NULL,
    version           text             NULL,
    incumbent_version text             NULL,
    data_from         timestamptz      NULL,
    cutoff            timestamptz      NULL,
    data_to           timestamptz      NULL,
    train_n           integer          NULL,
    test_n            integer          NULL,
    candidate         jsonb            NULL,
    incumbent         jsonb            NULL,
    decided_at        timestamptz      NOT NULL,
    PRIMARY KEY (run_id, model)
);

CREATE TABLE IF NOT EXISTS model_files (
    model     text  NOT NULL,
    version   text  NOT NULL,
    file_name text  NOT NULL,
    content   bytea NOT NULL,
    PRIMARY KEY (model, version, file_name)
);

CREATE TABLE IF NOT EXISTS model_sets (
    id          bigserial   PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    reason      text        NOT NULL,
    created_by  text        NOT NULL,
    members     jsonb       NOT NULL,
    previous_id bigint      NULL REFERENCES model_sets (id),
    run_id      uuid        NULL REFERENCES model_runs (run_id),
    card        text        NULL
);
