package dev.fieldguide.orders.web;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON factory whose every parser checks the text it reads ({@link CheckedJsonParser}), and
 * reads bytes as strict UTF-8: Jackson's own byte decoder takes overlong forms such as
 * {@code C0 AF} for {@code /}, where a strict decoder refuses them (RFC 3629 §3).
 */
final class CheckedJsonFactory extends JsonFactory {

  private static final long serialVersionUID = 1L;

  @Override
  protected JsonParser _createParser(ObjectReadContext context, IOContext io, InputStream in) {
    // newDecoder() reports malformed input instead of replacing it, as InputStreamReader's
    // charset constructors would.
    return _createParser(context, io,
        new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
  }

  @Override
  protected JsonParser _createParser(ObjectReadContext context, IOContext io, byte[] data,
      int offset, int length) {
    return _createParser(context, io, new ByteArrayInputStream(data, offset, length));
  }

  @Override
  protected JsonParser _createParser(ObjectReadContext context, IOContext io, Reader reader) {
    return new CheckedJsonParser(super._createParser(context, io, reader));
  }

  @Override
  protected JsonParser _createParser(ObjectReadContext context, IOContext io, char[] data,
      int offset, int length, boolean recyclable) {
    return new CheckedJsonParser(
        super._createParser(context, io, data, offset, length, recyclable));
  }

  @Override
  protected JsonParser _createParser(ObjectReadContext context, IOContext io, DataInput input) {
    return new CheckedJsonParser(super._createParser(context, io, input));
  }
}
