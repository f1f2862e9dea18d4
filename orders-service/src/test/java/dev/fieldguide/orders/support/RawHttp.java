package dev.fieldguide.orders.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte to a socket, so a test can send a request-target
 * exactly as a hostile client would: an HTTP client library would normalize it or refuse it.
 */
public record RawHttp(int port) {

  /** Sends {@code method target}, the headers, and {@code body}; reads until the server closes. */
  public Response send(String method, String target, Map<String, String> headers, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n")
        .append("Content-Length: ").append(content.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return Response.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    var bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The status and the raw text after the status line (headers and body, unparsed). */
  public record Response(int status, String text) {

    static Response parse(String raw) {
      // "HTTP/1.1 201 " : the three digits after the first space
      int space = raw.indexOf(' ');
      int status = space < 0 ? 0 : Integer.parseInt(raw.substring(space + 1, space + 4));
      return new Response(status, raw);
    }

    /** Whether a response header {@code name} has exactly {@code value}. */
    public boolean hasHeader(String name, String value) {
      return text.lines().takeWhile(line -> !line.isEmpty())
          .anyMatch(line -> line.equalsIgnoreCase(name + ": " + value));
    }
  }
}
