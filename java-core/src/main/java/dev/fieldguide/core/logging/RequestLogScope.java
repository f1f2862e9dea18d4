package dev.fieldguide.core.logging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts one request's ids into the logging MDC for the length of a try-with-resources block, so
 * every line logged while handling it carries them — and takes them out on close, so they do not
 * leak into the next request served by the same pooled thread.
 *
 * <pre>{@code
 * try (var scope = RequestLogScope.open(request::getHeader, request.getRequestURI())) {
 *   scope.user(principal.id());
 *   ... handle, log ...
 *   scope.status(200);
 *   log.info("request finished");
 * }
 * }</pre>
 *
 * <p>The MDC is per thread: open and close the scope on the thread that handles the request, and
 * copy the ids into any task handed to another thread. {@code user_id} is meant for an opaque id,
 * never an e-mail address or name.
 */
public final class RequestLogScope implements AutoCloseable {

  static final String TRACE_ID = "trace_id";
  static final String REQUEST_ID = "request_id";
  public static final String USER_ID = "user_id";
  static final String PATH = "path";
  static final String STATUS = "status";

  private static final List<String> KEYS = List.of(TRACE_ID, REQUEST_ID, USER_ID, PATH, STATUS);

  /** W3C Trace Context: version-traceid-parentid-flags, lower-case hex. */
  private static final Pattern TRACEPARENT = Pattern
      .compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

  /** A caller-chosen request id is echoed into every log line, so it must be short and plain. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final String traceId;
  private final String requestId;

  private RequestLogScope(String traceId, String requestId, String path) {
    this.traceId = traceId;
    this.requestId = requestId;
    MDC.put(TRACE_ID, traceId);
    MDC.put(REQUEST_ID, requestId);
    MDC.put(PATH, path);
  }

  /**
   * Opens the scope for a request: {@code trace_id} from its {@code traceparent} header (a new one
   * when the header is missing or malformed, which starts a new trace as a tracer would), {@code
   * request_id} from {@code X-Request-Id} (generated when missing or unsafe), and the path without
   * its query string, where tokens and e-mail addresses tend to travel.
   *
   * @param header looks up a request header by name, {@code null} when absent
   */
  public static RequestLogScope open(Function<String, @Nullable String> header, String path) {
    return open(header, path, null);
  }

  /**
   * As {@link #open(Function, String)}, but a trace already active in this process wins over the
   * header: with a tracing agent the server span exists before this scope opens, and its trace id
   * is the one the trace backend will show.
   */
  public static RequestLogScope open(Function<String, @Nullable String> header, String path,
      @Nullable String activeTraceId) {
    return new RequestLogScope(
        activeTraceId != null ? activeTraceId : traceIdFrom(header.apply("traceparent")),
        requestIdFrom(header.apply("X-Request-Id")),
        withoutQuery(path));
  }

  /** Once the caller is authenticated. */
  public void user(String userId) {
    MDC.put(USER_ID, userId);
  }

  /** Once the response status is known, for the closing log line. */
  public void status(int status) {
    MDC.put(STATUS, Integer.toString(status));
  }

  public String traceId() {
    return traceId;
  }

  /** To echo back as {@code X-Request-Id}, so the client can quote it in a bug report. */
  public String requestId() {
    return requestId;
  }

  @Override
  public void close() {
    KEYS.forEach(MDC::remove);
  }

  private static String traceIdFrom(@Nullable String traceparent) {
    if (traceparent != null) {
      var matcher = TRACEPARENT.matcher(traceparent.trim());
      if (matcher.matches() && !matcher.group(1).matches("0+")) {
        return matcher.group(1);
      }
    }
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String requestIdFrom(@Nullable String requestId) {
    return requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches()
        ? requestId
        : UUID.randomUUID().toString();
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
