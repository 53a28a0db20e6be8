-- 0001_init.sql — users, sessions, tokens, audit, strategy, goals, segments, personas, accounts, competitors.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','leader','pm','pmm','contributor','viewer')),
  pw_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE TABLE login_failures (
  ip TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  last_at INTEGER NOT NULL
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX audit_object ON audit(kind, object_id);

CREATE TABLE strategy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  vision TEXT NOT NULL DEFAULT '',
  perspective TEXT NOT NULL DEFAULT '',
  principles TEXT NOT NULL DEFAULT '[]',
  out_of_scope TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE strategy_revisions (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  vision TEXT NOT NULL,
  perspective TEXT NOT NULL,
  principles TEXT NOT NULL,
  out_of_scope TEXT NOT NULL,
  changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  changed_at TEXT NOT NULL
);

CREATE TABLE segments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  size INTEGER,
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE personas (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,
  role TEXT,
  pains TEXT,
  gains TEXT,
  jobs TEXT,
  channels TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,
  plan TEXT,
  arr INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX accounts_name ON accounts(name COLLATE NOCASE);
CREATE TABLE competitors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  positioning TEXT,
  strengths TEXT,
  weaknesses TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE goals (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  why TEXT,
  metric TEXT NOT NULL,
  unit TEXT,
  baseline REAL,
  target REAL NOT NULL,
  current REAL,
  due TEXT,
  pm_owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  pmm_owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  review_every_days INTEGER NOT NULL DEFAULT 30,
  last_reviewed_at TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX goals_status ON goals(status);
CREATE TABLE goal_measurements (
  id INTEGER PRIMARY KEY,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  value REAL NOT NULL,
  source TEXT,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX goal_measurements_goal ON goal_measurements(goal_id, at);
CREATE TABLE goal_target_changes (
  id INTEGER PRIMARY KEY,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  old_target REAL,
  new_target REAL NOT NULL,
  reason TEXT NOT NULL,
  changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  changed_at TEXT NOT NULL
);

INSERT INTO strategy(id, created_at, updated_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
