-- 0018_changelog_links.sql — share links of a third kind: the public changelog of shipped releases (a page and its
-- Atom feed). SQLite cannot change a CHECK in place, so the table is made again with its rows.
CREATE TABLE share_links_next (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('roadmap', 'calendar', 'changelog')),
  label TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
INSERT INTO share_links_next (id, kind, label, hash, created_by, created_at, revoked_at)
  SELECT id, kind, label, hash, created_by, created_at, revoked_at FROM share_links;
DROP TABLE share_links;
ALTER TABLE share_links_next RENAME TO share_links;
