-- Users' statuses (server/public/model/status.go: Status); a user without a row is offline.
CREATE TABLE statuses (
  user_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  manual INTEGER NOT NULL DEFAULT 0,
  last_activity_at INTEGER NOT NULL DEFAULT 0,
  dnd_end_time INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- When a member last viewed the channel (POST /channels/members/{user_id}/view).
ALTER TABLE channel_members ADD COLUMN last_viewed_at INTEGER NOT NULL DEFAULT 0;
