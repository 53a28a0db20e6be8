-- 0006_login_failures_by_account.sql — failed sign-ins counted per address and per account (the email tried,
-- in lower case), so a success, which clears only its own account's count, no longer wipes an address's.
CREATE TABLE login_failures_new (
  scope TEXT NOT NULL CHECK (scope IN ('ip', 'account')),
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
INSERT INTO login_failures_new(scope, key, count, last_at) SELECT 'ip', ip, count, last_at FROM login_failures;
DROP TABLE login_failures;
ALTER TABLE login_failures_new RENAME TO login_failures;
CREATE INDEX login_failures_last_at ON login_failures(last_at);
