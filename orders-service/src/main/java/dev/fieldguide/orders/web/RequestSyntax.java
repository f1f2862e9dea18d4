package dev.fieldguide.orders.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 18: refuses a request whose envelope is malformed before anything parses it.
 *
 * <ul>
 *   <li>The query string must percent-decode to UTF-8 text ({@link TextRule}): a broken escape
 *       ({@code %zz}, a lone {@code %}), bytes that are not UTF-8 ({@code %C0%AF}, {@code %ff}) or
 *       a NUL ({@code %00}) is a 400. Left alone, Tomcat throws on the first read of a parameter
 *       (a 500), or hands a NUL on to PostgreSQL, which refuses it (a 500 too).</li>
 *   <li>Content must be declared {@code application/json} (UTF-8, RFC 8259 §8.1): anything else,
 *       a wildcard such as {@code *}{@code /*} included, is a 415 naming the one type accepted.
 *       Form bodies are never parsed into parameters.</li>
 * </ul>
 *
 * <p>The path is not checked here: Tomcat refuses a NUL or a broken escape in it itself.
 */
final class RequestSyntax extends OncePerRequestFilter {

  private final ProblemResponseWriter problems;

  RequestSyntax(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String query = request.getQueryString();
    TextRule broken = query == null ? null : brokenBy(query);
    if (broken != null) {
      problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The query string " + broken.breach() + "."), broken.name());
    } else if (hasContent(request) && !isJson(request.getContentType())) {
      response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
      problems.write(request, response, ProblemDetail.forStatusAndDetail(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Request content must be application/json."),
          "UNSUPPORTED_MEDIA_TYPE");
    } else {
      chain.doFilter(request, response);
    }
  }

  /** What {@code query} breaks once decoded; an unencoded non-ASCII character breaks RFC 3986. */
  static @Nullable TextRule brokenBy(String query) {
    var bytes = new ByteArrayOutputStream(query.length());
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
            || !HexFormat.isHexDigit(query.charAt(i + 2))) {
          return TextRule.INVALID_ENCODING;
        }
        bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
        i += 2;
      } else if (c > 0x7F) {
        return TextRule.INVALID_ENCODING;
      } else {
        bytes.write(c);
      }
    }
    try {
      return TextRule.brokenBy(StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      return TextRule.INVALID_ENCODING;
    }
  }

  private static boolean hasContent(HttpServletRequest request) {
    return request.getContentLengthLong() > 0
        || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }

  /** {@code application/json}, bare or with {@code charset=utf-8}; no wildcard, no suffix type. */
  private static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      Charset charset = type.getCharset();
      return type.getType().equals("application") && type.getSubtype().equals("json")
          && type.getParameters().keySet().stream().allMatch("charset"::equalsIgnoreCase)
          && (charset == null || charset.equals(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) { // InvalidMediaTypeException is one
      return false; // unparsable, or a charset Java does not know
    }
  }
}
