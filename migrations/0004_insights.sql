-- 0004_insights.sql — customer evidence: insights, their search index, and their links to features.
CREATE TABLE insights (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'other',
  author TEXT,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  persona_id INTEGER REFERENCES personas(id) ON DELETE SET NULL,
  observed_at TEXT,
  url TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  external_id TEXT,
  dismissed INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- re-importing the same file changes nothing: one insight per external id
CREATE UNIQUE INDEX insights_external ON insights(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX insights_account ON insights(account_id);
CREATE INDEX insights_observed ON insights(observed_at);
-- the untriaged-insights rule reads only what arrived before its cut-off
CREATE INDEX insights_untriaged ON insights(created_at) WHERE dismissed = 0;
CREATE VIRTUAL TABLE insights_fts USING fts5(text, author, content='insights', content_rowid='id',
  tokenize='porter unicode61');
CREATE TRIGGER insights_fts_ai AFTER INSERT ON insights BEGIN
  INSERT INTO insights_fts(rowid, text, author) VALUES (new.id, new.text, coalesce(new.author, ''));
END;
CREATE TRIGGER insights_fts_ad AFTER DELETE ON insights BEGIN
  INSERT INTO insights_fts(insights_fts, rowid, text, author) VALUES ('delete', old.id, old.text, coalesce(old.author, ''));
END;
CREATE TRIGGER insights_fts_au AFTER UPDATE OF text, author ON insights BEGIN
  INSERT INTO insights_fts(insights_fts, rowid, text, author) VALUES ('delete', old.id, old.text, coalesce(old.author, ''));
  INSERT INTO insights_fts(rowid, text, author) VALUES (new.id, new.text, coalesce(new.author, ''));
END;
-- evidence: an insight supports a feature with importance 1 (nice to have), 2 (important), 3 (critical)
CREATE TABLE feature_insights (
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  importance INTEGER NOT NULL DEFAULT 2 CHECK (importance BETWEEN 1 AND 3),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (feature_id, insight_id)
);
CREATE INDEX feature_insights_insight ON feature_insights(insight_id);
