-- Course forums (docs/ARCHITECTURE.md, "Forums, webinars, certificates").
-- forum_threads is the read model of the course's thread listing, upserted by each thread grain;
-- posts, votes and reports are append-only (a post's score and hidden flag are its only updates).

CREATE TABLE IF NOT EXISTS forum_threads (
    course_id        text        NOT NULL,
    thread_id        uuid        NOT NULL,
    title            text        NOT NULL,
    body             text        NOT NULL,
    tags             text[]      NOT NULL,
    author_id        text        NOT NULL,
    created_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    opening_post_id  uuid        NOT NULL,
    reply_count      integer     NOT NULL,
    accepted_post_id uuid        NULL,
    pinned           boolean     NOT NULL,
    locked           boolean     NOT NULL,
    hidden           boolean     NOT NULL,
    search           tsvector    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED,
    PRIMARY KEY (course_id, thread_id)
);
CREATE INDEX IF NOT EXISTS forum_threads_listing ON forum_threads (course_id, pinned DESC, created_at DESC, thread_id DESC);
CREATE INDEX IF NOT EXISTS forum_threads_search ON forum_threads USING gin (search);
CREATE INDEX IF NOT EXISTS forum_threads_tags ON forum_threads USING gin (tags);

CREATE TABLE IF NOT EXISTS forum_posts (
    post_id     uuid        PRIMARY KEY,
    course_id   text        NOT NULL,
    thread_id   uuid        NOT NULL,
    seq         bigint      NOT NULL,
    author_id   text        NOT NULL,
    author_role text        NOT NULL,
    body        text        NOT NULL,
    reply_to    uuid        NULL,
    created_at  timestamptz NOT NULL,
    score       integer     NOT NULL DEFAULT 0,
    hidden      boolean     NOT NULL DEFAULT false,
    UNIQUE (thread_id, seq)
);

CREATE TABLE IF NOT EXISTS forum_votes (
    post_id    uuid        NOT NULL REFERENCES forum_posts (post_id),
    voter_id   text        NOT NULL,
    value      smallint    NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, voter_id)
);

CREATE TABLE IF NOT EXISTS forum_reports (
    report_id   uuid        PRIMARY KEY,
    course_id   text        NOT NULL,
    thread_id   uuid        NOT NULL,
    post_id     uuid        NOT NULL REFERENCES forum_posts (post_id),
    reporter_id text        NOT NULL,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    resolved    boolean     NOT NULL DEFAULT false,
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX IF NOT EXISTS forum_reports_queue ON forum_reports (course_id, resolved, created_at, report_id);
