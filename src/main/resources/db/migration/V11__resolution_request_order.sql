-- The horizon worker takes the next requests in the order urgent first, then oldest, then by channel
-- (resolver.ResolutionRequests.pending), once per resolution it starts. The index on (partition_no, requested_at) could
-- not give that order, so each pick sorted every waiting request: after a rebuild or the first horizon roll of 10,000
-- channels, 10,000 rows sorted 10,000 times. In this order the pick reads the first rows of the index, skipping those
-- of partitions another instance owns.
CREATE INDEX resolution_request_order_idx ON resolution_request (urgent DESC, requested_at, channel_id);
