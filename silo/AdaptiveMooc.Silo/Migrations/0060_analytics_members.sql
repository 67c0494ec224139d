-- Which learners each analytics shard has a row for, and their enrolment as the shard last saw it.
-- Statement facts are rebuilt from xapi_statements after a crash; this is the part of a shard the
-- statement log does not hold. One upsert per new learner of a course and per enrolment change, so the
-- shard's own state (written behind) never has to be written whole on those paths.
CREATE TABLE IF NOT EXISTS analytics_members (
    course_id    text        NOT NULL,
    shard        integer     NOT NULL,
    learner_id   text        NOT NULL,
    enrolled     boolean     NOT NULL DEFAULT false,
    enrolled_at  timestamptz NULL,
    withdrawn_at timestamptz NULL,
    PRIMARY KEY (course_id, shard, learner_id)
);
