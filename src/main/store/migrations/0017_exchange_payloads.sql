-- An exchange's headers and bodies move out of its row. A capture writes them as sent into
-- exchange_payloads; once traffic pauses, the packer (store/exchange-packer.ts) moves them into
-- exchange_packed, compressed. Both tables are written in id order, so packing frees whole pages
-- of the one and fills whole pages of the other. Exchanges stored before this migration keep
-- theirs in their own row and are read from there: nothing is rewritten.
CREATE TABLE exchange_payloads (
  id INTEGER PRIMARY KEY,
  request_headers TEXT NOT NULL,
  request_body BLOB,
  response_headers TEXT NOT NULL,
  response_body BLOB
);
CREATE TABLE exchange_packed (id INTEGER PRIMARY KEY, packing INTEGER NOT NULL, packed BLOB NOT NULL);
CREATE TRIGGER exchange_payload_delete AFTER DELETE ON exchanges BEGIN
  DELETE FROM exchange_payloads WHERE id = old.id;
  DELETE FROM exchange_packed WHERE id = old.id;
END;
