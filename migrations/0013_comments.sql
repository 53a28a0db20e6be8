-- 0013_comments.sql — discussion on any object: comments threaded one level, resolvable, with the users they
-- mention (parsed from the body when saved) kept in a link table for notifications to read.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  on_kind TEXT NOT NULL,
  on_id INTEGER NOT NULL,
  body TEXT NOT NULL,
  parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
  resolved INTEGER NOT NULL DEFAULT 0,
  author INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX comments_on ON comments(on_kind, on_id);
CREATE INDEX comments_parent ON comments(parent_id);
CREATE TABLE comment_mentions (
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_mentions_user ON comment_mentions(user_id);
