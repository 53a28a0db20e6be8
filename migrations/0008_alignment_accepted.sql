-- 0008_alignment_accepted.sql — findings accepted as a known risk (until a date, with a reason), and the health
-- score's history: one point a day, the day's latest score and count of findings.
CREATE TABLE alignment_accepted (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  reason TEXT NOT NULL,
  until TEXT NOT NULL,
  accepted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  accepted_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX alignment_accepted_active ON alignment_accepted(revoked_at, until);
CREATE TABLE alignment_history (
  day TEXT PRIMARY KEY,
  score INTEGER NOT NULL,
  count INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
