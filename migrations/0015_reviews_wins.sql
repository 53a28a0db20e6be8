-- 0015_reviews_wins.sql — review requests on any object (a named reviewer, a due date, answered once) and wins,
-- recorded automatically exactly once per source (a goal met, a launch launched, a feature's success) or by hand.
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  on_kind TEXT NOT NULL,
  on_id INTEGER NOT NULL,
  reviewer_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  due TEXT,
  note TEXT,
  state TEXT NOT NULL DEFAULT 'requested',
  requested_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  answer_note TEXT,
  answered_at TEXT
);
CREATE INDEX reviews_on ON reviews(on_kind, on_id);
CREATE INDEX reviews_reviewer ON reviews(reviewer_id, state);
CREATE TABLE wins (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  title TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'manual',
  source_id INTEGER,
  at TEXT,
  note TEXT,
  recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
-- each goal, launch and feature is celebrated once; manual wins are many
CREATE UNIQUE INDEX wins_once ON wins(source, source_id) WHERE source <> 'manual';
CREATE INDEX wins_at ON wins(at);
CREATE TABLE win_thanks (
  win_id INTEGER NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (win_id, user_id)
);
