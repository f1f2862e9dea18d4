package dev.fieldguide.orders.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what {@code java.net.http} refuses to send
 * (a malformed percent-escape in the URL, a wildcard Content-Type with any body) is exactly what a
 * hostile client sends.
 */
final class RawHttp {

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** Sends one request on its own connection and reads the whole answer. */
  Answer send(String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n")
          .append("Connection: close\r\n");
      if (body.length > 0 || !method.equals("GET")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(UTF_8));
      out.write(body);
      out.flush();
      return Answer.parse(method + " " + target + " " + headers.getOrDefault("Content-Type", ""),
          socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }

  /** A response to {@code request}: its status, headers (names in lower case), body as text. */
  record Answer(String request, int status, Map<String, String> headers, String body) {

    /** What was asked and what came back, for assertion messages. */
    String describe() {
      return request + " -> " + status + " " + body;
    }

    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    static Answer parse(String request, byte[] raw) {
      int end = indexOf(raw, "\r\n\r\n".getBytes(ISO_8859_1), 0);
      if (end < 0) {
        throw new IllegalStateException("no complete response: " + new String(raw, ISO_8859_1));
      }
      String[] lines = new String(raw, 0, end, ISO_8859_1).split("\r\n", -1);
      int status = Integer.parseInt(lines[0].split(" ", -1)[1]);
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
      }
      byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
      if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
        body = dechunk(body);
      }
      return new Answer(request, status, headers, new String(body, UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
      var out = new ByteArrayOutputStream();
      int at = 0;
      while (true) {
        int lineEnd = indexOf(chunked, "\r\n".getBytes(ISO_8859_1), at);
        String sizeLine = new String(chunked, at, lineEnd - at, ISO_8859_1).split(";", -1)[0]
            .trim();
        int size = Integer.parseInt(sizeLine, 16);
        if (size == 0) {
          return out.toByteArray();
        }
        out.write(chunked, lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
      }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
      outer : for (int i = from; i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
