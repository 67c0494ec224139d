-- The LRS of issue 17 (docs/XAPI.md): every valid xAPI statement is stored, whether the platform interprets
-- it or not. learner_id is '' for statements whose actor is no platform learner; activity_id is '' when the
-- object is no Activity. The columns below serve the query parameters of GET /xapi/statements; agent keys
-- are inverse functional identifiers ('mbox:mailto:..', 'mbox_sha1sum:..', 'openid:..', 'account:{homePage}|{name}').
ALTER TABLE xapi_statements
    ADD COLUMN IF NOT EXISTS agents             text[]  NULL,
    ADD COLUMN IF NOT EXISTS related_agents     text[]  NULL,
    ADD COLUMN IF NOT EXISTS related_activities text[]  NULL,
    ADD COLUMN IF NOT EXISTS registration       uuid    NULL,
    ADD COLUMN IF NOT EXISTS statement_ref      uuid    NULL,
    ADD COLUMN IF NOT EXISTS voiding            boolean NOT NULL DEFAULT false;

-- Statements stored before this migration are all platform statements: an account actor and an Activity object.
UPDATE xapi_statements
SET agents = ARRAY['account:' || (statement->'actor'->'account'->>'homePage') || '|' || (statement->'actor'->'account'->>'name')],
    related_agents = ARRAY['account:' || (statement->'actor'->'account'->>'homePage') || '|' || (statement->'actor'->'account'->>'name')],
    related_activities = ARRAY[activity_id] || ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(statement, 'lax $.context.contextActivities.*.id'))),
    registration = CASE WHEN statement->'context'->>'registration' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        THEN (statement->'context'->>'registration')::uuid END
WHERE agents IS NULL;

CREATE INDEX IF NOT EXISTS xapi_statements_related_agents ON xapi_statements USING gin (related_agents);
CREATE INDEX IF NOT EXISTS xapi_statements_related_activities ON xapi_statements USING gin (related_activities);
CREATE INDEX IF NOT EXISTS xapi_statements_verb_seq ON xapi_statements (verb, seq);
CREATE INDEX IF NOT EXISTS xapi_statements_registration_seq ON xapi_statements (registration, seq) WHERE registration IS NOT NULL;
-- A statement is voided when a voiding statement targets it (and it is no voiding statement itself).
CREATE INDEX IF NOT EXISTS xapi_statements_voids ON xapi_statements (statement_ref) WHERE voiding;
CREATE INDEX IF NOT EXISTS xapi_statements_refs ON xapi_statements (statement_ref) WHERE statement_ref IS NOT NULL;

-- Attachment contents, by their SHA-2 (hex, as the statement's attachments[].sha2 names it).
CREATE TABLE IF NOT EXISTS xapi_attachments (
    sha2         text        NOT NULL PRIMARY KEY,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    stored       timestamptz NOT NULL DEFAULT now()
);
