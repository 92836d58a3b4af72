-- Bot accounts: the bot's user row lives in `users` (is_bot); this holds the Bot object.
CREATE TABLE bots (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  doc TEXT NOT NULL
);
