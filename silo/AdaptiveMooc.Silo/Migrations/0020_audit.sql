-- Audit log of admin and trainer actions (who, what, when). Append-only: the trigger below refuses
-- UPDATE and DELETE so a compromised API cannot rewrite history through the same connection.
CREATE TABLE IF NOT EXISTS audit_log (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor_kind text        NOT NULL,
    actor_id   text        NOT NULL,
    action     text        NOT NULL,
    target     text        NOT NULL,
    detail     text        NULL
);

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
