package dev.fieldguide.orders.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * Checks every member name and string value as it is read: the {@link TextRule}s, and that no
 * object names a member twice (RFC 8259 §4 leaves duplicates to the reader; taking the last one
 * silently lets two parsers of one body disagree). Skipped values are read too, so a NUL in a
 * member nobody binds is refused like any other.
 *
 * <p>Every way of advancing goes through {@link #nextToken()}: the delegate's shortcuts
 * ({@code nextName}, {@code nextNameMatch}, {@code skipChildren}) would pass tokens by unseen.
 */
final class CheckedJsonParser extends JsonParserDelegate {

  /** The member names of each object being read, innermost on top. */
  private final Deque<Set<String>> names = new ArrayDeque<>();

  CheckedJsonParser(JsonParser parser) {
    super(parser);
  }

  @Override
  public @Nullable JsonToken nextToken() {
    JsonToken token = delegate.nextToken();
    if (token == null) {
      return null;
    }
    switch (token) {
      case START_OBJECT -> names.push(new HashSet<>());
      case END_OBJECT -> names.pop();
      case PROPERTY_NAME -> checkName(delegate.currentName());
      case VALUE_STRING -> checkValue(delegate.getString());
      default -> {
        // numbers, booleans, null and arrays carry no text
      }
    }
    return token;
  }

  @Override
  public @Nullable JsonToken nextValue() {
    JsonToken token = nextToken();
    return token == JsonToken.PROPERTY_NAME ? nextToken() : token;
  }

  @Override
  public @Nullable String nextName() {
    return nextToken() == JsonToken.PROPERTY_NAME ? delegate.currentName() : null;
  }

  @Override
  public boolean nextName(SerializableString name) {
    return nextToken() == JsonToken.PROPERTY_NAME
        && name.getValue().equals(delegate.currentName());
  }

  @Override
  public int nextNameMatch(PropertyNameMatcher matcher) {
    String name = nextName();
    if (name != null) {
      return matcher.matchName(name);
    }
    return hasToken(JsonToken.END_OBJECT)
        ? PropertyNameMatcher.MATCH_END_OBJECT
        : PropertyNameMatcher.MATCH_ODD_TOKEN;
  }

  @Override
  public JsonParser skipChildren() {
    if (!hasToken(JsonToken.START_OBJECT) && !hasToken(JsonToken.START_ARRAY)) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken token = nextToken();
      if (token == null) {
        return this; // truncated input: the next read reports it
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  private void checkName(String name) {
    TextRule broken = TextRule.brokenBy(name);
    if (broken != null) {
      // Blamed on the object, not echoed: the name holds what the rule forbids.
      throw RefusedJsonText.member(this, broken.name(),
          "has a member name that " + broken.breach());
    }
    if (!Objects.requireNonNull(names.peek(), "inside an object").add(name)) {
      throw RefusedJsonText.value(this, "DUPLICATE_JSON_KEY", "is given more than once");
    }
  }

  private void checkValue(String text) {
    TextRule broken = TextRule.brokenBy(text);
    if (broken != null) {
      throw RefusedJsonText.value(this, broken.name(), broken.breach());
    }
  }
}
