-- Webhooks for API consumers (docs/PLANNING.md, "Webhooks").
-- webhook_subscriptions is written only by each owner's registry grain; webhook_outbox is the durable
-- queue of deliveries, one row per (webhook, event id): the unique key is what keeps one event from
-- being queued, and so delivered, twice. Rows leave the outbox only with their webhook.

CREATE TABLE IF NOT EXISTS webhook_subscriptions (
    webhook_id uuid        PRIMARY KEY,
    owner      text        NOT NULL,
    url        text        NOT NULL,
    events     text[]      NOT NULL,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_subscriptions_by_owner ON webhook_subscriptions (owner, webhook_id);

CREATE TABLE IF NOT EXISTS webhook_outbox (
    delivery_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhook_subscriptions (webhook_id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    payload         text        NOT NULL,
    status          smallint    NOT NULL DEFAULT 0,  -- 0 pending, 1 delivered, 2 dead
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz NULL,
    last_attempt_at timestamptz NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE status = 0;
CREATE INDEX IF NOT EXISTS webhook_outbox_dead ON webhook_outbox (webhook_id, last_attempt_at DESC) WHERE status = 2;
