package dev.fieldguide.orders.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rows in every corner of the last release's schema, written as that release's code writes
 * them, so the migrations that come after it meet a database that looks like production's: orders
 * with lines and their events, idempotency keys, job runs with attempts, groups and chains,
 * Quartz's triggers, audit rows, promotions, reservations and a refreshed report view.
 *
 * <p>Plain SQL against the release's tables, not the current code's entities: the point is the
 * schema as it was. When a release changes a table this writes to, this follows with the snapshot.
 */
final class ReleaseData {

  private static final String ROWS = """
      INSERT INTO customers (email, name, created_at)
      SELECT 'release' || g || '@example.test', 'Customer ' || g,
             timestamptz '2025-01-01 00:00Z' + g * interval '1 hour'
      FROM generate_series(1, 300) g;

      INSERT INTO products (sku, name, price_cents, stock, attributes)
      SELECT 'REL-' || lpad(g::text, 4, '0'), 'Product ' || g, 100 + mod(g * 37, 5000),
             mod(g * 7, 200),
             jsonb_build_object('color', (ARRAY['red', 'green', 'blue'])[1 + mod(g, 3)],
                                'size', mod(g, 5))
      FROM generate_series(1, 120) g;

      INSERT INTO orders (customer_id, status, total_cents, created_at, updated_at)
      SELECT c.first + mod(g, 300),
             (ARRAY['NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'])[1 + mod(g, 5)], 0,
             timestamptz '2025-01-01 00:00Z' + g * interval '17 minutes',
             timestamptz '2025-01-01 02:00Z' + g * interval '17 minutes'
      FROM generate_series(1, %d) g, (SELECT min(id) FROM customers) c(first);

      INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
      SELECT o.id, p.id, 1 + mod(o.id + k, 4), p.price_cents
      FROM orders o
      CROSS JOIN LATERAL generate_series(0, mod(o.id, 3)) k
      JOIN products p ON p.id = (SELECT min(id) FROM products) + mod(o.id * 7 + k * 31, 120);

      UPDATE orders o SET total_cents = l.total, updated_at = o.updated_at + interval '1 minute'
      FROM (SELECT order_id, sum(quantity * unit_price_cents) AS total
            FROM order_lines GROUP BY order_id) l
      WHERE l.order_id = o.id;

      INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload,
                                 traceparent, created_at, status, attempts, next_attempt_at,
                                 sent_at, last_error)
      SELECT md5('order-placed-' || o.id)::uuid, 'Order', o.id::text, 'OrderPlaced',
             jsonb_build_object('orderId', o.id, 'customerId', o.customer_id,
                                'totalCents', o.total_cents),
             '00-' || md5('trace' || o.id) || '-' || left(md5('span' || o.id), 16) || '-01',
             o.created_at,
             CASE WHEN mod(o.id, 50) = 0 THEN 'DEAD' WHEN mod(o.id, 10) = 0 THEN 'PENDING'
                  ELSE 'SENT' END,
             CASE WHEN mod(o.id, 50) = 0 THEN 8 WHEN mod(o.id, 10) = 0 THEN 2 ELSE 1 END,
             o.created_at + interval '1 second',
             CASE WHEN mod(o.id, 10) <> 0 THEN o.created_at + interval '1 second' END,
             CASE WHEN mod(o.id, 10) = 0 THEN 'stream unavailable' END
      FROM orders o;

      INSERT INTO processed_events (consumer, event_id, processed_at)
      SELECT v.consumer, e.id, e.sent_at
      FROM outbox_events e CROSS JOIN (VALUES ('notifications'), ('sales-stats')) v(consumer)
      WHERE e.status = 'SENT';

      INSERT INTO notifications (order_id, customer_id, message, created_at)
      SELECT id, customer_id, 'Order ' || id || ' placed', created_at + interval '2 seconds'
      FROM orders WHERE mod(id, 10) <> 0;

      INSERT INTO daily_sales (day, orders, revenue_cents)
      SELECT (created_at AT TIME ZONE 'UTC')::date, count(*), sum(total_cents)
      FROM orders GROUP BY 1;

      INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status,
                                    response_headers, response_body, created_at, expires_at)
      SELECT 'customer:' || customer_id, 'order-' || id, md5('request' || id), 201,
             jsonb_build_object('Location', '/api/v1/orders/' || id),
             convert_to(jsonb_build_object('id', id, 'status', status)::text, 'UTF8'),
             created_at, created_at + interval '24 hours'
      FROM orders WHERE mod(id, 3) = 0;

      INSERT INTO lock_fences (resource, last_token)
      SELECT 'stock:' || id, id * 3 FROM products WHERE mod(id, 4) = 0;

      INSERT INTO product_views (product_id, views) SELECT id, id * 11 FROM products;

      INSERT INTO view_flushes (flush_id, flushed_at)
      SELECT 'flush-' || g, timestamptz '2025-03-01 00:00Z' + g * interval '10 seconds'
      FROM generate_series(1, 20) g;

      INSERT INTO job_runs (id, job_type, arguments, state, attempts, max_attempts, run_at,
                            started_at, finished_at, result, last_error, created_at)
      SELECT md5('run' || g)::uuid,
             (ARRAY['recompute-order-totals', 'expire-idempotency-keys', 'refresh-daily-sales',
                    'purge-job-runs'])[1 + mod(g, 4)],
             jsonb_build_object('chunkSize', 500),
             (ARRAY['SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'DEAD',
                    'TIMED_OUT'])[1 + mod(g, 6)],
             1 + mod(g, 3), 3, s.t, s.t + interval '1 second',
             CASE WHEN mod(g, 6) >= 3 THEN s.t + interval '5 seconds' END,
             CASE WHEN mod(g, 6) = 3 THEN '{"processed": 100}'::jsonb END,
             CASE WHEN mod(g, 6) IN (2, 4, 5) THEN 'failed in run ' || g END, s.t
      FROM generate_series(1, 60) g,
           LATERAL (SELECT timestamptz '2025-02-01 00:00Z' + g * interval '1 minute') s(t);

      INSERT INTO job_attempts (run_id, attempt, started_at, finished_at, outcome, error)
      SELECT r.id, a, r.run_at + a * interval '1 second', r.run_at + a * interval '2 seconds',
             CASE WHEN a = r.attempts AND r.state = 'SUCCEEDED' THEN 'SUCCEEDED'
                  WHEN a = r.attempts AND r.state = 'TIMED_OUT' THEN 'TIMED_OUT'
                  ELSE 'FAILED' END,
             CASE WHEN a < r.attempts OR r.state <> 'SUCCEEDED' THEN 'attempt ' || a END
      FROM job_runs r CROSS JOIN LATERAL generate_series(1, r.attempts) a;

      INSERT INTO job_checkpoints (run_id, last_id, processed, updated_at)
      SELECT id, 1500, 1500, run_at + interval '3 seconds'
      FROM job_runs WHERE state IN ('RUNNING', 'RETRYING');

      INSERT INTO job_chain_steps (chain_id, position, job_type, arguments, run_id)
      SELECT md5('chain')::uuid, p, 'recompute-order-totals', jsonb_build_object('step', p),
             CASE WHEN p = 0 THEN md5('run3')::uuid END
      FROM generate_series(0, 2) p;

      INSERT INTO job_groups (id, size, remaining, dead, callback_type, callback_arguments,
                              created_at)
      VALUES (md5('group')::uuid, 3, 1, 0, 'refresh-daily-sales', '{}',
              timestamptz '2025-02-01 00:00Z');
      INSERT INTO job_group_members (run_id, group_id, position, outcome)
      SELECT md5('run' || g)::uuid, md5('group')::uuid, g - 21,
             CASE WHEN g < 23 THEN 'SUCCEEDED' END
      FROM generate_series(21, 23) g;

      INSERT INTO processed_job_runs (run_id, processed_at)
      SELECT id, finished_at FROM job_runs WHERE state = 'SUCCEEDED';
      INSERT INTO job_demo_effects (effect_key, applied) VALUES ('demo-1', 1), ('demo-2', 1);

      INSERT INTO loyalty_awards (order_id, customer_id, points, run_id, awarded_at)
      SELECT id, customer_id, total_cents / 100, md5('loyalty' || id)::uuid, updated_at
      FROM orders WHERE status = 'DELIVERED';
      INSERT INTO loyalty_balances (customer_id, points)
      SELECT customer_id, sum(points) FROM loyalty_awards GROUP BY customer_id;

      INSERT INTO promotions (product_id, percent_off, valid_during, created_at)
      SELECT p.id, 5 + mod(p.id * (k + 1), 40),
             tstzrange(timestamptz '2025-01-01 00:00Z' + k * interval '7 days',
                       timestamptz '2025-01-01 00:00Z' + (k + 1) * interval '7 days'),
             timestamptz '2024-12-01 00:00Z'
      FROM products p CROSS JOIN generate_series(0, 1) k WHERE mod(p.id, 2) = 0;

      INSERT INTO audit_events (occurred_at, actor, action, outcome, status, reason, request_id,
                                client_ip)
      SELECT timestamptz '2025-02-01 00:00Z' + g * interval '1 minute',
             CASE WHEN mod(g, 4) = 3 THEN NULL ELSE 'admin-' || mod(g, 3) END,
             (ARRAY['POST /api/v1/jobs', 'GET /admin/db/top-statements',
                    'POST /api/v1/orders'])[1 + mod(g, 3)],
             (ARRAY['SUCCEEDED', 'FAILED', 'DENIED', 'UNAUTHENTICATED'])[1 + mod(g, 4)],
             (ARRAY[200, 500, 403, 401])[1 + mod(g, 4)],
             CASE WHEN mod(g, 4) >= 2 THEN 'refused in request ' || g END, 'req-' || g,
             '127.0.0.' || (1 + mod(g, 200))
      FROM generate_series(1, 200) g;

      INSERT INTO stock_reservations (reservation_id, product_id, quantity, reserved_at)
      SELECT 'reservation-' || g, (SELECT min(id) FROM products) + mod(g, 120), 1 + mod(g, 5),
             timestamptz '2025-02-01 00:00Z' + g * interval '1 minute'
      FROM generate_series(1, 100) g;

      INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,
                                    is_nonconcurrent, is_update_data, requests_recovery,
                                    job_data)
      SELECT 'field-guide', t, 'periodic', 'dev.fieldguide.orders.jobs.PeriodicTaskJob', true,
             true, false, true, convert_to('type=' || t, 'UTF8')
      FROM unnest(ARRAY['expire-idempotency-keys', 'purge-job-runs', 'refresh-daily-sales']) t;
      INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group,
                                 next_fire_time, prev_fire_time, priority, trigger_state,
                                 trigger_type, start_time, misfire_instr)
      SELECT sched_name, job_name, job_group, job_name, job_group, 1767225600000,
             1767225300000, 5, 'WAITING', 'CRON', 1735689600000, 1
      FROM qrtz_job_details;
      INSERT INTO qrtz_cron_triggers (sched_name, trigger_name, trigger_group, cron_expression,
                                      time_zone_id)
      SELECT sched_name, trigger_name, trigger_group, '0 */5 * * * ?', 'UTC' FROM qrtz_triggers;
      -- A task run waiting for its time (a retry's countdown), and a periodic job running.
      INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,
                                    is_nonconcurrent, is_update_data, requests_recovery,
                                    job_data)
      VALUES ('field-guide', md5('run2')::uuid::text, 'tasks',
              'dev.fieldguide.orders.jobs.TaskJob', false, false, false, true,
              convert_to('runId=' || md5('run2')::uuid, 'UTF8'));
      INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group,
                                 next_fire_time, priority, trigger_state, trigger_type,
                                 start_time, misfire_instr)
      VALUES ('field-guide', md5('run2')::uuid::text, 'tasks', md5('run2')::uuid::text, 'tasks',
              1767225900000, 5, 'WAITING', 'SIMPLE', 1767225900000, 0);
      INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count,
                                        repeat_interval, times_triggered)
      VALUES ('field-guide', md5('run2')::uuid::text, 'tasks', 0, 0, 0);
      INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group,
                                       instance_name, fired_time, sched_time, priority, state,
                                       job_name, job_group, is_nonconcurrent, requests_recovery)
      VALUES ('field-guide', 'node-11767225300000', 'refresh-daily-sales', 'periodic', 'node-1',
              1767225300000, 1767225300000, 5, 'EXECUTING', 'refresh-daily-sales', 'periodic',
              true, true);
      INSERT INTO qrtz_locks (sched_name, lock_name)
      VALUES ('field-guide', 'STATE_ACCESS'), ('field-guide', 'TRIGGER_ACCESS');
      INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time,
                                        checkin_interval)
      VALUES ('field-guide', 'node-1', 1767225300000, 5000);

      REFRESH MATERIALIZED VIEW daily_product_sales;
      UPDATE report_refreshes
      SET refreshed_at = timestamptz '2025-03-01 00:00Z', duration_ms = 42,
          refreshed_concurrently = false
      WHERE view_name = 'daily_product_sales';
      """;

  private ReleaseData() {}

  /** Writes {@code orders} orders (1 to 3 lines each) and the rows that go with them. */
  static void insert(Connection connection, int orders) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(ROWS.formatted(orders));
    }
  }
}
