-- Mockmost's own settings (the seed resets use, how much history to keep). Apart from `meta`,
-- which describes the workspace and is emptied with it by a reset; settings outlive resets.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
