-- Custom emoji (server/public/model/emoji.go: Emoji). The image's bytes are a blob in the data
-- dir's files/ folder, like uploads; deleted softly, as Mattermost's store does.
CREATE TABLE custom_emoji (
  id TEXT PRIMARY KEY,
  creator_id TEXT NOT NULL,
  name TEXT NOT NULL,
  create_at INTEGER NOT NULL,
  update_at INTEGER NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  image_hash TEXT NOT NULL,
  image_type TEXT NOT NULL
);
CREATE UNIQUE INDEX custom_emoji_live_name ON custom_emoji (name) WHERE delete_at = 0;
