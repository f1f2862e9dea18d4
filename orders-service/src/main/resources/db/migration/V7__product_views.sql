-- R5: product view counts. Views are counted in Redis (INCR) and moved here in batches by a
-- periodic flush; this table is the durable total.
CREATE TABLE product_views (
    product_id bigint NOT NULL PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    views      bigint NOT NULL CONSTRAINT product_views_not_negative CHECK (views >= 0)
);

-- One row per applied flush batch, written in the same transaction as the counts: applying a
-- batch again (a retry after the commit but before Redis dropped the batch) finds its row and
-- changes nothing. Rows older than the batches' Redis TTL can no longer be replayed and are
-- deleted by the flusher, so the table stays small.
CREATE TABLE view_flushes (
    flush_id   text        NOT NULL PRIMARY KEY,
    flushed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX view_flushes_flushed_at ON view_flushes (flushed_at);
