-- The posts of a channel changed after a time (`?since=`, and the UI's refresh after every live
-- event), found by Mattermost's own condition, UpdateAt > since (server/channels/store/sqlstore/
-- post_store.go: GetPostsSince), without reading every post of the channel: a channel of 100,000
-- posts took 50 ms a refresh, as many as the channel view asks while posts arrive.
CREATE INDEX posts_channel_update ON posts(channel_id, json_extract(doc, '$.update_at'));
