-- 0012_prfaqs.sql — PR/FAQs ("working backwards") for a feature or a launch, with the insights that show how we
-- know; objections and their answers as a child kind of a competitor, with insights as proof; a competitor's
-- landmines (the questions a seller plants that its weaknesses cannot answer), for the battlecard.
CREATE TABLE prfaqs (
  id INTEGER PRIMARY KEY,
  feature_id INTEGER REFERENCES features(id) ON DELETE SET NULL,
  launch_id INTEGER REFERENCES launches(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
  customer TEXT,
  problem TEXT,
  benefit TEXT,
  experience TEXT,
  headline TEXT NOT NULL,
  subheading TEXT,
  summary TEXT,
  solution TEXT,
  leader_quote TEXT,
  how_it_works TEXT,
  customer_quote TEXT,
  call_to_action TEXT,
  faq_external TEXT NOT NULL DEFAULT '[]',
  faq_internal TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX prfaqs_feature ON prfaqs(feature_id);
CREATE INDEX prfaqs_launch ON prfaqs(launch_id);
CREATE INDEX prfaqs_status ON prfaqs(status);
CREATE TABLE prfaq_insights (
  prfaq_id INTEGER NOT NULL REFERENCES prfaqs(id) ON DELETE CASCADE,
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  PRIMARY KEY (prfaq_id, insight_id)
);
CREATE INDEX prfaq_insights_insight ON prfaq_insights(insight_id);
CREATE TABLE objections (
  id INTEGER PRIMARY KEY,
  competitor_id INTEGER NOT NULL REFERENCES competitors(id) ON DELETE CASCADE,
  objection TEXT NOT NULL,
  answer TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX objections_competitor ON objections(competitor_id);
CREATE TABLE objection_insights (
  objection_id INTEGER NOT NULL REFERENCES objections(id) ON DELETE CASCADE,
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  PRIMARY KEY (objection_id, insight_id)
);
CREATE INDEX objection_insights_insight ON objection_insights(insight_id);
ALTER TABLE competitors ADD COLUMN landmines TEXT;
