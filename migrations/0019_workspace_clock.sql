-- 0019_workspace_clock.sql — the workspace's change counter: bumped in the same transaction as every write (by the
-- database layer, whoever writes: a server, the CLI, an import), read in one statement, so an answer's ETag is known
-- before the answer is made. The epoch is random per workspace and drawn again when a backup is restored, so a
-- workspace whose history starts over never repeats a value an earlier answer had.
CREATE TABLE workspace_clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL,
  epoch INTEGER NOT NULL
);
INSERT INTO workspace_clock (id, n, epoch) VALUES (1, 0, abs(random() >> 16));
