-- 0011_messages.sql — approvals (the PM and PMM sign-off any kind may opt into, kept with their history) and
-- the messaging ladder: messages per segment, from features up to the positioning, linked to what backs them.
CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  role TEXT NOT NULL,
  version INTEGER NOT NULL,
  at TEXT NOT NULL,
  cleared_at TEXT
);
CREATE INDEX approvals_object ON approvals(kind, object_id, cleared_at);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  segment_id INTEGER NOT NULL REFERENCES segments(id),
  persona_id INTEGER REFERENCES personas(id) ON DELETE SET NULL,
  level TEXT NOT NULL CHECK (level IN ('feature', 'benefit', 'value_prop', 'positioning')),
  text TEXT NOT NULL,
  parent_id INTEGER REFERENCES messages(id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved')),
  for TEXT,
  who TEXT,
  product TEXT,
  category TEXT,
  benefit TEXT,
  unlike TEXT,
  competitor_id INTEGER REFERENCES competitors(id) ON DELETE SET NULL,
  differentiator TEXT
);
CREATE INDEX messages_segment ON messages(segment_id, level);
CREATE INDEX messages_parent ON messages(parent_id);
CREATE TABLE message_features (
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, feature_id)
);
CREATE INDEX message_features_feature ON message_features(feature_id);
CREATE TABLE message_insights (
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, insight_id)
);
CREATE INDEX message_insights_insight ON message_insights(insight_id);
CREATE TABLE message_competitors (
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  competitor_id INTEGER NOT NULL REFERENCES competitors(id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, competitor_id)
);
CREATE INDEX message_competitors_competitor ON message_competitors(competitor_id);
