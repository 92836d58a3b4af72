-- Uploaded files (server/public/model/file_info.go: FileInfo). The bytes live in the data dir's
-- files/ folder, named by their SHA-256, so the same upload twice is stored once; these rows point
-- at them. A file is attached to at most one post and deleted softly with it.
CREATE TABLE file_infos (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  post_id TEXT NOT NULL DEFAULT '',
  channel_id TEXT NOT NULL,
  create_at INTEGER NOT NULL,
  update_at INTEGER NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  extension TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime_type TEXT NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  has_preview_image INTEGER NOT NULL DEFAULT 0,
  mini_preview BLOB,
  content_hash TEXT NOT NULL,
  thumbnail_hash TEXT,
  preview_hash TEXT
);
CREATE INDEX file_infos_post ON file_infos (post_id) WHERE post_id <> '';
