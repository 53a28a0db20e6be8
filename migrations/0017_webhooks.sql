-- 0017_webhooks.sql — webhooks (an admin's endpoint for events, Standard Webhooks or a chat channel), their signing
-- secrets (the current one, and the one it replaced while it overlaps), and the outbox of deliveries written in the
-- same transaction as the change they tell of.
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  events TEXT NOT NULL DEFAULT '["*"]',
  format TEXT NOT NULL DEFAULT 'standard' CHECK (format IN ('standard', 'slack')),
  active INTEGER NOT NULL DEFAULT 1,
  owner INTEGER REFERENCES users(id) ON DELETE SET NULL
);
-- the secret is kept as it is: it signs every delivery (HMAC needs it), and is never shown after it was made
CREATE TABLE webhook_secrets (
  id INTEGER PRIMARY KEY,
  webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT
);
CREATE INDEX webhook_secrets_of ON webhook_secrets(webhook_id);
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  msg_id TEXT NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER,
  last_at TEXT,
  response_code INTEGER,
  error TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_at);
CREATE INDEX webhook_deliveries_of ON webhook_deliveries(webhook_id, id);
