-- 0014_decisions.sql — decisions: the options weighed, the evidence (insights, goals, features) that arbitrates,
-- who owns it, its state (open, escalated to the leaders, decided, reversed) and the record of how it was decided.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  context TEXT,
  options TEXT NOT NULL DEFAULT '[]',
  owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'open',
  revisit_on TEXT,
  reversal_criteria TEXT,
  escalation_reason TEXT,
  escalated_at TEXT,
  chosen_option TEXT,
  decision TEXT,
  rationale TEXT,
  decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  decided_at TEXT,
  reversal_reason TEXT,
  superseded_by INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX decisions_status ON decisions(status);
CREATE INDEX decisions_owner ON decisions(owner);
CREATE TABLE decision_insights (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, insight_id)
);
CREATE INDEX decision_insights_insight ON decision_insights(insight_id);
CREATE TABLE decision_goals (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, goal_id)
);
CREATE INDEX decision_goals_goal ON decision_goals(goal_id);
CREATE TABLE decision_features (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, feature_id)
);
CREATE INDEX decision_features_feature ON decision_features(feature_id);
