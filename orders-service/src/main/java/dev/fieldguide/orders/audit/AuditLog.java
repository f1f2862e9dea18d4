package dev.fieldguide.orders.audit;

import dev.fieldguide.orders.web.ClientAddress;
import dev.fieldguide.orders.web.RequestCorrelation;
import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends to and reads the audit log; every append commits on its own. */
@Component
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Counter failures;

  AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.failures = meters.counter("fieldguide.audit.failures");
    // The request's own transaction may roll back (a failed admin action, the idempotency
    // filter's rollback of a 4xx); its audit row must not go with it.
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Records what {@code request} did; {@code actor} is the token's subject, if it had one.
   *
   * <p>A row that cannot be written is logged (with everything it held) and counted, not thrown:
   * the action it describes has already happened, and a 500 would tell its caller otherwise.
   * {@code fieldguide.audit.failures} above zero is the operator's signal.
   */
  public void record(HttpServletRequest request, @Nullable String actor,
      AuditEvent.Outcome outcome, int status, @Nullable String reason) {
    String action = request.getMethod() + " " + request.getRequestURI();
    try {
      insert(request, actor, action, outcome, status, reason);
    } catch (DataAccessException e) {
      failures.increment();
      log.error("Audit row lost: actor={} action={} outcome={} status={} reason={}", actor,
          action, outcome, status, reason, e);
    }
  }

  private void insert(HttpServletRequest request, @Nullable String actor, String action,
      AuditEvent.Outcome outcome, int status, @Nullable String reason) {
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
        insert into audit_events (actor, action, outcome, status, reason, request_id, client_ip)
        values (?, ?, ?, ?, ?, ?, ?)
        """)
        .param(actor).param(action)
        .param(outcome.name()).param(status).param(reason)
        .param(RequestCorrelation.requestId(request))
        .param(ClientAddress.of(request).orElse(null))
        .update());
  }

  /** The newest events first, optionally only those of one actor. */
  public List<AuditEvent> latest(@Nullable String actor, int limit) {
    return jdbc.sql("""
        select id, occurred_at, actor, action, outcome, status, reason, request_id, client_ip
        from audit_events
        where (?::text is null or actor = ?)
        order by occurred_at desc, id desc
        limit ?
        """)
        .param(actor).param(actor).param(limit)
        .query((rs, row) -> new AuditEvent(rs.getLong("id"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"), rs.getString("action"),
            AuditEvent.Outcome.valueOf(rs.getString("outcome")), rs.getInt("status"),
            rs.getString("reason"), rs.getString("request_id"), rs.getString("client_ip")))
        .list();
  }
}
