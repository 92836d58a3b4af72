-- How long the exchange's body took to arrive, in ms: the request's for inbound exchanges, the
-- answer's for outbound ones. The rest of duration_ms is waiting (the traffic view draws both).
-- Null for exchanges captured before this column, and for calls that got no answer.
ALTER TABLE exchanges ADD COLUMN transfer_ms REAL;
