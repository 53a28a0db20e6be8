-- 0003_features.sql — the backlog (features, problems, ideas, bugs) with its links, journey stages, capacity.
CREATE TABLE journey_stages (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 1,
  persona_id INTEGER REFERENCES personas(id) ON DELETE SET NULL,
  touchpoints TEXT,
  pains TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE features (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'feature',
  title TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL DEFAULT 'new',
  decline_reason TEXT,
  requester TEXT,
  journey_stage_id INTEGER REFERENCES journey_stages(id) ON DELETE SET NULL,
  effort_eng REAL,
  effort_design REAL,
  effort_mkt REAL,
  reach INTEGER,
  impact REAL,
  confidence REAL,
  tier TEXT,
  readiness INTEGER,
  period TEXT,
  pm_owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  pmm_owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  success_metric TEXT,
  success_baseline REAL,
  success_target REAL,
  success_actual REAL,
  merged_into INTEGER REFERENCES features(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX features_status ON features(status);
CREATE INDEX features_period ON features(period);
-- links: a feature serves goals (with a weight), personas, and depends on other features
CREATE TABLE feature_goals (
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
  PRIMARY KEY (feature_id, goal_id)
);
CREATE INDEX feature_goals_goal ON feature_goals(goal_id);
CREATE TABLE feature_personas (
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  persona_id INTEGER NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
  PRIMARY KEY (feature_id, persona_id)
);
CREATE INDEX feature_personas_persona ON feature_personas(persona_id);
CREATE TABLE feature_deps (
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  depends_on INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  PRIMARY KEY (feature_id, depends_on),
  CHECK (feature_id <> depends_on)
);
CREATE INDEX feature_deps_on ON feature_deps(depends_on);
-- full-text search over title and description (kept in step by triggers)
CREATE VIRTUAL TABLE features_fts USING fts5(title, description, content='features', content_rowid='id',
  tokenize='porter unicode61');
CREATE TRIGGER features_fts_ai AFTER INSERT ON features BEGIN
  INSERT INTO features_fts(rowid, title, description) VALUES (new.id, new.title, coalesce(new.description, ''));
END;
CREATE TRIGGER features_fts_ad AFTER DELETE ON features BEGIN
  INSERT INTO features_fts(features_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, coalesce(old.description, ''));
END;
CREATE TRIGGER features_fts_au AFTER UPDATE OF title, description ON features BEGIN
  INSERT INTO features_fts(features_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, coalesce(old.description, ''));
  INSERT INTO features_fts(rowid, title, description) VALUES (new.id, new.title, coalesce(new.description, ''));
END;
-- person-weeks per team for a period such as 2027-Q1
CREATE TABLE capacity (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL UNIQUE,
  eng REAL NOT NULL DEFAULT 0,
  design REAL NOT NULL DEFAULT 0,
  mkt REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
