-- 0016_notifications.sql — events (what happened, recorded in the change's own transaction when someone is to hear
-- of it), each person's inbox of them, what each person follows, and how each person wants to be told.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  actor INTEGER REFERENCES users(id) ON DELETE SET NULL,
  title TEXT,
  changes TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_object ON events(kind, object_id);
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  read_at TEXT,
  mailed_at TEXT,
  UNIQUE (user_id, event_id)
);
CREATE INDEX notifications_inbox ON notifications(user_id, read_at, id);
-- what a person follows (on = 1), or has stopped following although they own it (on = 0)
CREATE TABLE watches (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  "on" INTEGER NOT NULL DEFAULT 1 CHECK ("on" IN (0, 1)),
  at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind, object_id)
);
CREATE INDEX watches_object ON watches(kind, object_id);
-- reminders that come of time passing (a launch in its lead time, a goal due for review), once per object and day
CREATE TABLE reminders (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (user_id, reason, kind, object_id, day)
);
ALTER TABLE users ADD COLUMN notify TEXT NOT NULL DEFAULT 'digest' CHECK (notify IN ('digest', 'none', 'immediate'));
ALTER TABLE users ADD COLUMN digest_at TEXT;
