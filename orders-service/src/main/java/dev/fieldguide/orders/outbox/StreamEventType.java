package dev.fieldguide.orders.outbox;

/** An event's name and schema version on the wire, as its {@link StreamEvent} declares them. */
record StreamEventType(String name, int version) {

  /** The declared type of {@code eventClass}; only declared events may cross the stream. */
  static StreamEventType of(Class<?> eventClass) {
    StreamEvent declared = eventClass.getAnnotation(StreamEvent.class);
    if (declared == null) {
      throw new IllegalArgumentException(
          eventClass.getName()
              + " is not annotated @StreamEvent: only declared events cross the stream");
    }
    if (declared.type().isBlank() || declared.version() < 1) {
      throw new IllegalArgumentException(
          eventClass.getName() + " needs a type name and a version of 1 or more");
    }
    return new StreamEventType(declared.type(), declared.version());
  }

  @Override
  public String toString() {
    return name + " v" + version;
  }
}
