-- Full-text search over captured exchanges (URL and the first 64 KB of each body), kept in step
-- by triggers. Contentless with delete support: the text lives only in the exchanges table.
CREATE VIRTUAL TABLE exchange_search USING fts5(url, request_body, response_body, content = '', contentless_delete = 1);

CREATE TRIGGER exchange_search_insert AFTER INSERT ON exchanges BEGIN
  INSERT INTO exchange_search (rowid, url, request_body, response_body)
  VALUES (new.id, new.url, substr(CAST(new.request_body AS TEXT), 1, 65536), substr(CAST(new.response_body AS TEXT), 1, 65536));
END;

CREATE TRIGGER exchange_search_delete AFTER DELETE ON exchanges BEGIN
  DELETE FROM exchange_search WHERE rowid = old.id;
END;

INSERT INTO exchange_search (rowid, url, request_body, response_body)
SELECT id, url, substr(CAST(request_body AS TEXT), 1, 65536), substr(CAST(response_body AS TEXT), 1, 65536) FROM exchanges;

CREATE INDEX exchanges_direction ON exchanges(direction, id);
CREATE INDEX exchanges_status ON exchanges(status, id);
