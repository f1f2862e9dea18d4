-- R3: the newest fencing token that has written to each protected resource. A write made under a
-- distributed lock advances its row in the same transaction; a write carrying an older token
-- finds the row ahead of it, changes nothing, and the whole transaction is rolled back.
CREATE TABLE lock_fences (
    resource   text   PRIMARY KEY,
    last_token bigint NOT NULL CONSTRAINT lock_fences_token_positive CHECK (last_token > 0)
);
