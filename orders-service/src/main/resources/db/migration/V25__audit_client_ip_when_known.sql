-- A4 hardening: an audit row records the client's address only when it is an IP literal
-- (web.ClientAddress). Behind a trusted proxy Tomcat takes the address from X-Forwarded-For
-- without checking it, so a row used to store whatever that header said; now an address that is
-- not one is recorded as unknown (NULL). Dropping NOT NULL is catalog-only (no rewrite), and
-- lock_timeout keeps the brief ACCESS EXCLUSIVE from queueing writers behind a long transaction.
SET LOCAL lock_timeout = '3s';

ALTER TABLE audit_events ALTER COLUMN client_ip DROP NOT NULL;
