-- C2: loyalty points for an order, awarded at most once however often the task runs. The order
-- id is the business key and the primary key, so the award is INSERT ... ON CONFLICT DO NOTHING:
-- a second run, even one at the same moment, inserts nothing and adds nothing to the balance.
CREATE TABLE loyalty_awards (
    order_id    bigint      PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    customer_id bigint      NOT NULL REFERENCES customers (id),
    points      bigint      NOT NULL CONSTRAINT loyalty_awards_points_not_negative CHECK (points >= 0),
    run_id      uuid        NOT NULL,
    awarded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_awards_customer_id_idx ON loyalty_awards (customer_id);

-- The effect that must not happen twice: an increment is not idempotent by itself.
CREATE TABLE loyalty_balances (
    customer_id bigint PRIMARY KEY REFERENCES customers (id),
    points      bigint NOT NULL DEFAULT 0
);
