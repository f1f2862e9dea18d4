package dev.fieldguide.orders.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP over a plain socket, byte for byte as given: what an HTTP client library normalizes or
 * refuses to send (a request-target spelled as a hostile client spells it, a malformed escape, a
 * bad request line, an oversized header, HTTP/0.9) is exactly what a hostile client sends.
 */
public final class RawHttp {

  private RawHttp() {}

  /** An HTTP/1.1 request (Host, Connection: close and Content-Length added) with a text body. */
  public static Answer request(int port, String method, String target,
      Map<String, String> headers, String body) {
    return request(port, method, target, headers, body.getBytes(UTF_8));
  }

  /** An HTTP/1.1 request (Host, Connection: close and Content-Length added). */
  public static Answer request(int port, String method, String target,
      Map<String, String> headers, byte[] body) {
    var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    if (body.length > 0 || !method.equals("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    byte[] start = head.append("\r\n").toString().getBytes(UTF_8);
    byte[] request = Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, request, start.length, body.length);
    return exchange(port, method + " " + target + " " + headers.getOrDefault("Content-Type", ""),
        request);
  }

  /** Writes {@code request} exactly as it is (request line and all) and reads the answer. */
  public static Answer send(int port, String request) {
    return exchange(port, request.lines().findFirst().orElse(""), request.getBytes(UTF_8));
  }

  private static Answer exchange(int port, String what, byte[] request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return Answer.parse(what, readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(what, e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1;) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | SocketException e) {
      // A reset after the answer (Tomcat closes on a refused request) ends the reading too.
    }
    return out.toByteArray();
  }

  /**
   * An answer to {@code request}: the status line (empty when none came, as for HTTP/0.9), the
   * headers by lower-case name, and the body as text (de-chunked).
   */
  public record Answer(String request, String statusLine, Map<String, String> headers,
      String body) {

    /** The status code; 0 when there was no status line. */
    public int status() {
      return statusLine.length() >= 12 ? Integer.parseInt(statusLine.substring(9, 12)) : 0;
    }

    /** The header's value, or an empty string when it was not sent. */
    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** What was asked and what came back, for assertion messages. */
    public String describe() {
      return request + " -> " + statusLine + " " + body;
    }

    static Answer parse(String request, byte[] raw) {
      String text = new String(raw, ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/") || end < 0) {
        return new Answer(request, "", Map.of(), new String(raw, UTF_8));
      }
      List<String> lines = text.substring(0, end).lines().toList();
      Map<String, String> headers = new TreeMap<>();
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
      }
      byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
      if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
        body = dechunk(body);
      }
      return new Answer(request, lines.getFirst(), headers, new String(body, UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
      var out = new ByteArrayOutputStream();
      String text = new String(chunked, ISO_8859_1);
      int at = 0;
      while (at < text.length()) {
        int lineEnd = text.indexOf("\r\n", at);
        if (lineEnd < 0) {
          break;
        }
        String size = text.substring(at, lineEnd);
        int semicolon = size.indexOf(';');
        int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon))
            .strip(), 16);
        if (length == 0) {
          break;
        }
        out.write(chunked, lineEnd + 2, length);
        at = lineEnd + 2 + length + 2;
      }
      return out.toByteArray();
    }
  }
}
