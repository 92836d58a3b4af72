-- response_url targets handed to slash commands: 30 minutes, 5 uses (server/public/model/command_webhook.go).
CREATE TABLE command_webhooks (
  id TEXT PRIMARY KEY,
  command_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  root_id TEXT NOT NULL,
  create_at INTEGER NOT NULL,
  use_count INTEGER NOT NULL DEFAULT 0
);
