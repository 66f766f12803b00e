-- Two lanes for resolution requests: a change an operator or a planning system just made to one channel (a plan, an
-- assignment, the channel) is urgent and is resolved before the bulk work of a catalog-wide re-resolution or a horizon
-- roll queued earlier. Requests for one channel still coalesce; the coalesced request is urgent if either was.
ALTER TABLE resolution_request ADD COLUMN urgent boolean NOT NULL DEFAULT false;
