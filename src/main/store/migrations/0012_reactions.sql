-- Reactions on posts (server/public/model/reaction.go): one per user, post and emoji name,
-- deleted softly as Mattermost's store does.
CREATE TABLE reactions (
  post_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  emoji_name TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  create_at INTEGER NOT NULL,
  update_at INTEGER NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (post_id, user_id, emoji_name)
) WITHOUT ROWID;
