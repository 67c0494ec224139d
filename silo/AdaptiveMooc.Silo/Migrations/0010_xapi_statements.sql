-- The append-only xAPI statement log (grains/AdaptiveMooc.Grains/Statements/PostgresStatementStore.cs).
-- Rows are never updated or deleted. seq orders inserts; for one learner, seqs commit in increasing
-- order because appends take a per-learner advisory lock before inserting, so a learner grain can
-- catch up with "learner_id = $1 and seq > $2" without missing a statement.
CREATE TABLE IF NOT EXISTS xapi_statements (
    seq           bigserial        NOT NULL UNIQUE,
    id            uuid             NOT NULL PRIMARY KEY,
    learner_id    text             NOT NULL,
    verb          text             NOT NULL,
    activity_id   text             NOT NULL,
    ts            timestamptz      NOT NULL,
    stored        timestamptz      NOT NULL,
    content_hash  text             NOT NULL,
    statement     jsonb            NOT NULL,
    course_id     text             NULL,
    lesson_id     text             NULL,
    item_id       text             NULL,
    success       boolean          NULL,
    completion    boolean          NULL,
    score_scaled  double precision NULL,
    duration_ms   bigint           NULL
);

CREATE INDEX IF NOT EXISTS xapi_statements_learner_seq ON xapi_statements (learner_id, seq);
CREATE INDEX IF NOT EXISTS xapi_statements_activity_seq ON xapi_statements (activity_id, seq);
