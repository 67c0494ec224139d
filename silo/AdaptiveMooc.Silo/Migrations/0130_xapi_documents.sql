-- xAPI 1.0.3 document resources (State, Activity Profile, Agent Profile; docs/XAPI.md, "Documents").
-- One row per document, replaced in place by PUT/POST and removed by DELETE. scope_hash is the SHA-256 of
-- the context key (kind, activity id, agent key, registration), document_hash that of the stateId or
-- profileId, so ids of any length index alike; the readable columns say what the row belongs to.
CREATE TABLE IF NOT EXISTS xapi_documents (
    scope_hash    bytea       NOT NULL,
    document_hash bytea       NOT NULL,
    kind          smallint    NOT NULL,
    activity_id   text        NULL,
    agent_key     text        NULL,
    registration  uuid        NULL,
    document_id   text        NOT NULL,
    content       bytea       NOT NULL,
    content_type  text        NOT NULL,
    etag          text        NOT NULL,
    updated       timestamptz NOT NULL,
    PRIMARY KEY (scope_hash, document_hash)
);
CREATE INDEX IF NOT EXISTS xapi_documents_updated ON xapi_documents (scope_hash, updated);
