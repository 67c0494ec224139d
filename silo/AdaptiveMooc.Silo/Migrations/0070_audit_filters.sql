-- The admin audit page filters by actor and by target (GET /api/audit?actor=&target=): these indexes let
-- PostgreSQL read a filtered page newest first without walking the whole log.
CREATE INDEX IF NOT EXISTS audit_log_actor_seq ON audit_log (actor_id, seq DESC);
CREATE INDEX IF NOT EXISTS audit_log_target_seq ON audit_log (target, seq DESC);
