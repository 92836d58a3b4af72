-- Every captured exchange, inbound or outbound. Bodies are stored once, as sent, up to the
-- store's cap; `*_size` keeps the real size and `*_truncated` says when the stored copy is cut.
CREATE TABLE exchanges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  kind TEXT NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  status INTEGER,
  request_headers TEXT NOT NULL,
  request_body BLOB,
  request_body_size INTEGER NOT NULL DEFAULT 0,
  request_body_truncated INTEGER NOT NULL DEFAULT 0,
  response_headers TEXT NOT NULL,
  response_body BLOB,
  response_body_size INTEGER NOT NULL DEFAULT 0,
  response_body_truncated INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  error TEXT,
  error_id TEXT,
  diagnosis TEXT NOT NULL DEFAULT '[]',
  hook_id TEXT,
  command_id TEXT,
  post_id TEXT
);
CREATE INDEX exchanges_kind ON exchanges(kind, id);
CREATE INDEX exchanges_hook ON exchanges(hook_id) WHERE hook_id IS NOT NULL;
CREATE INDEX exchanges_command ON exchanges(command_id) WHERE command_id IS NOT NULL;
CREATE INDEX exchanges_post ON exchanges(post_id) WHERE post_id IS NOT NULL;
