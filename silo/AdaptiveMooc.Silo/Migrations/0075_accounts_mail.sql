-- The durable mail outbox (docs/ACCOUNTS.md, "Mail"). A mail is a row before anyone is told it is sent;
-- the silos' dispatchers claim due rows with a lease (FOR UPDATE SKIP LOCKED, so two silos never take the
-- same row), send them with Message-Id <id@domain>, then set sent_at. A crash between sending and marking
-- resends the same Message-Id, which receivers treat as the same message. dedupe_key makes enqueueing
-- idempotent: one event, one row.
CREATE TABLE IF NOT EXISTS mail_outbox (
    id              uuid        PRIMARY KEY,
    dedupe_key      text        NOT NULL UNIQUE,
    account_kind    text        NOT NULL,
    account_id      text        NOT NULL,
    to_address      text        NOT NULL,
    to_name         text        NOT NULL,
    category        text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    unsubscribe_url text        NULL,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    lease_until     timestamptz NULL,
    sent_at         timestamptz NULL,
    abandoned_at    timestamptz NULL,
    last_error      text        NULL
);
CREATE INDEX IF NOT EXISTS mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX IF NOT EXISTS mail_outbox_account ON mail_outbox (account_kind, account_id);

-- Data export archives (docs/ACCOUNTS.md, "Export"), one row per finished export, dropped with the account.
CREATE TABLE IF NOT EXISTS data_exports (
    learner_id text        NOT NULL,
    export_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    archive    bytea       NOT NULL,
    PRIMARY KEY (learner_id, export_id)
);
