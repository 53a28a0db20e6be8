-- 0010_views.sql — saved views: a named filter and sort of one kind's list, kept per user and shareable.
CREATE TABLE views (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  query TEXT NOT NULL DEFAULT '',
  shared INTEGER NOT NULL DEFAULT 0,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE
);
CREATE INDEX views_kind_owner ON views(kind, owner_id);
