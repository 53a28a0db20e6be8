-- 0005_launches.sql — releases (what engineering ships), launches (how the market hears of it) with their
-- checklist, marketing activities and RACI, and read-only share links (roadmap, calendar feed).
CREATE TABLE releases (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  target_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned',
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX releases_target ON releases(target_date);
ALTER TABLE features ADD COLUMN release_id INTEGER REFERENCES releases(id) ON DELETE SET NULL;
CREATE INDEX features_release ON features(release_id);
CREATE TABLE launches (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  tier INTEGER NOT NULL DEFAULT 2 CHECK (tier BETWEEN 1 AND 3),
  launch_date TEXT NOT NULL,
  release_id INTEGER REFERENCES releases(id) ON DELETE SET NULL,
  owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'planning',
  summary TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX launches_date ON launches(launch_date);
CREATE INDEX launches_release ON launches(release_id);
CREATE TABLE launch_features (
  launch_id INTEGER NOT NULL REFERENCES launches(id) ON DELETE CASCADE,
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  PRIMARY KEY (launch_id, feature_id)
);
CREATE INDEX launch_features_feature ON launch_features(feature_id);
CREATE TABLE launch_segments (
  launch_id INTEGER NOT NULL REFERENCES launches(id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  PRIMARY KEY (launch_id, segment_id)
);
-- the readiness checklist: pre-filled from the tier's template when a launch is created
CREATE TABLE launch_checklist (
  id INTEGER PRIMARY KEY,
  launch_id INTEGER NOT NULL REFERENCES launches(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  owner_role TEXT NOT NULL,
  due TEXT,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX launch_checklist_launch ON launch_checklist(launch_id);
CREATE TABLE launch_activities (
  id INTEGER PRIMARY KEY,
  launch_id INTEGER NOT NULL REFERENCES launches(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  title TEXT NOT NULL,
  date TEXT,
  owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'planned',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX launch_activities_launch ON launch_activities(launch_id);
CREATE INDEX launch_activities_date ON launch_activities(date);
CREATE TABLE launch_raci (
  id INTEGER PRIMARY KEY,
  launch_id INTEGER NOT NULL REFERENCES launches(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  raci TEXT NOT NULL CHECK (raci IN ('R', 'A', 'C', 'I')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (launch_id, user_id, raci)
);
CREATE INDEX launch_raci_launch ON launch_raci(launch_id);
-- read-only links for people without an account: the secret is kept only as a hash
CREATE TABLE share_links (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('roadmap', 'calendar')),
  label TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
