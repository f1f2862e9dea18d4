package dev.fieldguide.orders.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redisson.api.stream.StreamMessageId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream messages consumer groups gave up on ({@code inbox_dead_letters}): recorded by the
 * inbox before it acknowledges them, listed for operators, and re-driven — appended to their
 * stream again — at most once each.
 */
@Component
class DeadLetters {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS = "id, consumer, stream, message_id, event_id, event_type,"
      + " event_version, fields::text, deliveries, last_error, dead_lettered_at, redriven_at,"
      + " redriven_as";

  private static final RowMapper<DeadLetterView> VIEW = (rs, row) -> new DeadLetterView(
      rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
      rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), fields(rs.getString(8)),
      rs.getInt(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
      rs.getObject(12, OffsetDateTime.class), rs.getString(13));

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final RedisStreamPublisher publisher;

  DeadLetters(JdbcClient jdbc, TransactionTemplate transactions, RedisStreamPublisher publisher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.publisher = publisher;
  }

  /** A message one group gave up on, as the inbox saw it on its last delivery. */
  record DeadLetter(String consumer, String stream, String messageId, Map<String, String> fields,
      long deliveries, String lastError) {}

  /**
   * Records the message; a second record of the same message (the consumer died before its
   * acknowledgement and met it again) changes nothing.
   */
  void record(DeadLetter letter) {
    jdbc.sql("""
        INSERT INTO inbox_dead_letters (consumer, stream, message_id, event_id, event_type,
                                        event_version, fields, deliveries, last_error)
        VALUES (:consumer, :stream, :messageId, :eventId, :eventType, :eventVersion,
                :fields::jsonb, :deliveries, :lastError)
        ON CONFLICT (consumer, stream, message_id) DO NOTHING
        """)
        .param("consumer", letter.consumer())
        .param("stream", letter.stream())
        .param("messageId", letter.messageId())
        .param("eventId", eventId(letter.fields().get("eventId")))
        .param("eventType", letter.fields().get("type"))
        .param("eventVersion", letter.fields().get("version"))
        .param("fields", JSON.writeValueAsString(letter.fields()))
        .param("deliveries", (int) letter.deliveries())
        .param("lastError", letter.lastError())
        .update();
  }

  /** The newest dead letters, those with an id below {@code before} when given (keyset). */
  List<DeadLetterView> page(@Nullable String consumer, @Nullable Long before, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
         FROM inbox_dead_letters
        WHERE (CAST(:consumer AS text) IS NULL OR consumer = :consumer)
          AND (CAST(:before AS bigint) IS NULL OR id < :before)
        ORDER BY id DESC
        LIMIT :limit
        """).param("consumer", consumer).param("before", before).param("limit", limit)
        .query(VIEW).list();
  }

  Optional<DeadLetterView> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_dead_letters WHERE id = ?").param(id)
        .query(VIEW).optional();
  }

  /**
   * Appends the message to its stream again and marks the row re-driven, if it was not yet:
   * empty when there is no such row or it is re-driven already. The row stays locked until the
   * append is done and marked, so concurrent calls append it once; a failed append rolls the
   * mark back and the call can be repeated.
   */
  Optional<DeadLetterView> redrive(long id) {
    return Optional.ofNullable(transactions.execute(tx -> {
      Optional<Stored> letter = jdbc.sql("""
          SELECT stream, fields::text FROM inbox_dead_letters
          WHERE id = ? AND redriven_at IS NULL
          FOR UPDATE
          """).param(id).query((rs, row) -> new Stored(rs.getString(1), rs.getString(2)))
          .optional();
      if (letter.isEmpty()) {
        return null;
      }
      StreamMessageId appended = publisher.append(letter.get().stream(),
          fields(letter.get().fields()));
      return jdbc.sql("UPDATE inbox_dead_letters SET redriven_at = now(), redriven_as = ?"
          + " WHERE id = ? RETURNING " + COLUMNS).params(appended.toString(), id).query(VIEW)
          .single();
    }));
  }

  private record Stored(String stream, String fields) {}

  private static Map<String, String> fields(String json) {
    return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
  }

  /** The message's event id, if it has a well-formed one; a dead letter is recorded either way. */
  private static @Nullable UUID eventId(@Nullable String field) {
    try {
      return field == null ? null : UUID.fromString(field);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}
