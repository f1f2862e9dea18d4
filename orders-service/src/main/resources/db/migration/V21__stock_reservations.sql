-- A3: units taken through the internal gRPC StockService (ReserveStock), one row per reservation.
--
-- reservation_id is chosen by the caller and is the primary key, so it is unique: a retry of the
-- same reservation (after a lost response or a deadline) meets the existing row and takes nothing
-- more. The row and the stock decrement commit in one transaction, so a row exists exactly when
-- its units were taken. A reservation that failed (no such product, not enough stock) leaves no
-- row: nothing was taken, so a retry may try again.
--
-- No index on product_id: products are never deleted, so the foreign key never has to look up
-- reservations by product, and nothing else reads them that way yet.
CREATE TABLE stock_reservations (
    reservation_id text        PRIMARY KEY
        CONSTRAINT stock_reservations_id_length CHECK (length(reservation_id) BETWEEN 1 AND 64),
    product_id     bigint      NOT NULL REFERENCES products (id),
    quantity       integer     NOT NULL
        CONSTRAINT stock_reservations_quantity_positive CHECK (quantity > 0),
    reserved_at    timestamptz NOT NULL DEFAULT now()
);
