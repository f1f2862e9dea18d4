package dev.fieldguide.orders.outbox;

import dev.fieldguide.orders.tracing.ContinuedTraces;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every consumer group of one stream shares: the stream, the database holding the inbox
 * ({@code processed_events}) and the dead letters, the tracer that continues each event's trace,
 * and the meters.
 */
record Inbox(RedissonClient redisson, String stream, JdbcClient jdbc,
    TransactionTemplate transactions, DeadLetters deadLetters, ContinuedTraces traces,
    MeterRegistry meters) {}
