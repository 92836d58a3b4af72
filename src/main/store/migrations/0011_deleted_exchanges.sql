-- Exchanges deleted one at a time (the control API's DELETE /exchanges/{id}). Ids otherwise have
-- no holes (retention deletes the oldest, a clear deletes all), which lets the exchange count be
-- read from the ends of the id range; the holes made one by one are listed here to subtract.
CREATE TABLE deleted_exchanges (id INTEGER PRIMARY KEY);
