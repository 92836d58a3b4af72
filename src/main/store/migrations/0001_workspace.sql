-- The simulated Mattermost workspace. Each object keeps its full Mattermost JSON in `doc`;
-- the other columns are what lookups and ordering need.
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  doc TEXT NOT NULL
);

CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  roles TEXT NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE channels (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);
CREATE UNIQUE INDEX channels_team_name ON channels(team_id, name);

CREATE TABLE channel_members (
  channel_id TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  roles TEXT NOT NULL,
  PRIMARY KEY (channel_id, user_id)
);

-- Login sessions and personal access tokens share one table, as in Mattermost.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  doc TEXT NOT NULL
);

CREATE TABLE posts (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  root_id TEXT NOT NULL,
  create_at INTEGER NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);
CREATE INDEX posts_channel_time ON posts(channel_id, create_at);
CREATE INDEX posts_root ON posts(root_id) WHERE root_id <> '';

CREATE TABLE incoming_hooks (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);

CREATE TABLE outgoing_hooks (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);

CREATE TABLE commands (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  trigger TEXT NOT NULL,
  delete_at INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);

-- The server config (one row) and small facts about this data dir (seed file, key pairs …).
CREATE TABLE config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  doc TEXT NOT NULL
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
