package dev.fieldguide.orders.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as an event that crosses the stream, with the name and schema version it
 * travels under. Both are explicit so that renaming or moving the class changes nothing on the
 * wire; the payload's shape for each version is fixed by {@code events/<type>.v<version>.schema.json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StreamEvent {

  /** The event's name on the wire, e.g. {@code OrderPlaced}; never change it. */
  String type();

  /** The payload's schema version; bump it (and add the schema) for any change of shape. */
  int version();
}
