-- Webinars and live lectures (docs/ARCHITECTURE.md, "Forums, webinars, certificates").
-- webinars is the read model of the listings, upserted by each webinar grain; registrations are
-- append-only, one row per (webinar, learner), written only by the webinar's grain.

CREATE TABLE IF NOT EXISTS webinars (
    webinar_id uuid        PRIMARY KEY,
    course_id  text        NOT NULL,
    title      text        NOT NULL,
    start_at   timestamptz NOT NULL,
    minutes    integer     NOT NULL,
    capacity   integer     NOT NULL,
    join_url   text        NOT NULL,
    registered integer     NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS webinars_by_course ON webinars (course_id, start_at, webinar_id);

CREATE TABLE IF NOT EXISTS webinar_registrations (
    webinar_id    uuid        NOT NULL REFERENCES webinars (webinar_id),
    learner_id    text        NOT NULL,
    course_id     text        NOT NULL,
    registered_at timestamptz NOT NULL,
    attended_at   timestamptz NULL,
    PRIMARY KEY (webinar_id, learner_id)
);
CREATE INDEX IF NOT EXISTS webinar_registrations_by_learner ON webinar_registrations (learner_id);
