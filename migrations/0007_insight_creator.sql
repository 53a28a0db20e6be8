-- 0007_insight_creator.sql — who added an insight: contributors may edit and delete only their own.
ALTER TABLE insights ADD COLUMN created_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
-- insights added before this: the creator the audit trail names (imported ones were audited as one batch)
UPDATE insights SET created_by = (
  SELECT a.user_id FROM audit a WHERE a.kind = 'insights' AND a.object_id = insights.id AND a.action = 'created'
  AND a.user_id IN (SELECT id FROM users) ORDER BY a.id LIMIT 1);
CREATE INDEX insights_created_by ON insights(created_by);
