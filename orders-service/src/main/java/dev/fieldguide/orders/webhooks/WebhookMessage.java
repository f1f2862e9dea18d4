package dev.fieldguide.orders.webhooks;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of one webhook, in the envelope Standard Webhooks recommends ({@code type},
 * {@code timestamp}, {@code data}) plus the event's id and the payload's schema version. Written
 * once, when the delivery is recorded, by a mapper of its own: every attempt sends (and signs)
 * the same bytes, whatever the HTTP API's Jackson settings become.
 *
 * @param id the event id: also {@code webhook-id} and {@code Idempotency-Key} on every attempt
 * @param type what happened, dot-separated as the spec recommends, e.g. {@code order.placed}
 * @param version the schema version of {@code data} for this type
 * @param timestamp when the event occurred (each attempt's own time is {@code webhook-timestamp})
 * @param data the event's facts, a record
 */
@JsonPropertyOrder({"id", "type", "version", "timestamp", "data"})
public record WebhookMessage(UUID id, String type, int version, Instant timestamp, Object data) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The JSON sent and signed: the members in the order above, no whitespace. */
  public String toJson() {
    return JSON.writeValueAsString(this);
  }
}
