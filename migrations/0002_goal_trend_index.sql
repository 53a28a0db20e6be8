-- 0002_goal_trend_index.sql — a covering index for sparklines: every listed goal's values in one range scan.
CREATE INDEX goal_measurements_trend ON goal_measurements(goal_id, at, id, value);
DROP INDEX goal_measurements_goal;
