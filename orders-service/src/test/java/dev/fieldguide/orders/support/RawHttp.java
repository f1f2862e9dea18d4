package dev.fieldguide.orders.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends bytes a well-behaved HTTP client never would (a request-target exactly as a hostile
 * client spells it, a bad request line, an oversized header, HTTP/0.9) and reads back whatever
 * arrives: an HTTP client library would normalize or refuse such a request.
 */
public final class RawHttp {

  private RawHttp() {}

  /** What came back: the status line (empty for none), headers by lower-case name, the body. */
  public record Answer(String statusLine, Map<String, String> headers, String body) {

    /** The status code of the status line; 0 when there was none. */
    public int status() {
      return statusLine.length() >= 12 ? Integer.parseInt(statusLine.substring(9, 12)) : 0;
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The whole answer as text, for assertion messages. */
    public String text() {
      return statusLine + "\n" + headers + "\n" + body;
    }
  }

  /**
   * An HTTP/1.1 request of {@code method target} with {@code headers} and {@code body}, written
   * byte for byte (Host, Connection: close and Content-Length added).
   */
  public static Answer request(int port, String method, String target,
      Map<String, String> headers, String body) {
    var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n")
        .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
        .append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return send(port, head.append("\r\n") + body);
  }

  /** Writes {@code request} to the port as it is and reads until the server closes. */
  public static Answer send(int port, String request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1;) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | SocketException e) {
      // A reset after the answer (Tomcat closes on a refused request) ends the reading too.
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Answer parse(String raw) {
    if (!raw.startsWith("HTTP/")) {
      return new Answer("", Map.of(), raw);
    }
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    List<String> lines = head.lines().toList();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
    }
    return new Answer(lines.getFirst(), headers, body);
  }
}
