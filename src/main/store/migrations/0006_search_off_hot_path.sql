-- Indexing bodies inside the write that captures them cost a third of the webhook throughput;
-- the search index is now filled in the background (store/search-index.ts), and this records
-- how far it has got.
DROP TRIGGER exchange_search_insert;
INSERT OR REPLACE INTO meta (key, value) VALUES ('search_indexed_id', (SELECT coalesce(max(id), 0) FROM exchanges));
