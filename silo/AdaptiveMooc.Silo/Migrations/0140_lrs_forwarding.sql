-- Forwarding stored xAPI statements to outside LRSs (docs/XAPI.md, "Forwarding").
-- There is no per-statement outbox row: the statement log (xapi_statements, ordered by seq) is the outbox,
-- and each target keeps a durable cursor into it. Every statement with seq <= cursor_seq that matches the
-- target's course filter has been acknowledged by the target or sits in lrs_forward_dead_letters; the
-- forwarder advances the cursor only after the target's answer, in the same transaction as any dead letter.
-- The password is stored encrypted (AES-GCM, key file outside the database, see LrsSecretProtector).

CREATE TABLE IF NOT EXISTS lrs_forward_targets (
    target_id          uuid        PRIMARY KEY,
    endpoint           text        NOT NULL,
    username           text        NOT NULL,
    password_protected bytea       NOT NULL,
    course_ids         text[]      NULL,          -- NULL: every statement; otherwise statements of these courses
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    cursor_seq         bigint      NOT NULL DEFAULT 0,
    forwarded          bigint      NOT NULL DEFAULT 0,
    attempts           integer     NOT NULL DEFAULT 0,  -- consecutive failed attempts at cursor_seq
    next_attempt_at    timestamptz NULL,
    last_error         text        NULL,
    last_attempt_at    timestamptz NULL,
    last_success_at    timestamptz NULL
);

CREATE TABLE IF NOT EXISTS lrs_forward_dead_letters (
    target_id       uuid        NOT NULL REFERENCES lrs_forward_targets (target_id) ON DELETE CASCADE,
    seq             bigint      NOT NULL,
    statement_id    uuid        NOT NULL,
    learner_id      text        NOT NULL,
    attempts        integer     NOT NULL,
    status_code     integer     NULL,
    last_error      text        NOT NULL,
    dead_at         timestamptz NOT NULL,
    retry_requested boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (target_id, seq)
);
CREATE INDEX IF NOT EXISTS lrs_forward_dead_letters_retry ON lrs_forward_dead_letters (target_id, seq) WHERE retry_requested;
