package dev.fieldguide.orders.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Issue 18: the one JSON mapper of the service (Spring MVC's bodies, GraphQL's requests and
 * everything else that reads JSON) reads strictly. A value is taken only in the JSON type of its
 * field: {@code 1.9}, {@code "3"} or {@code true} is no integer, {@code 12} no string, {@code 1}
 * no boolean, a number no timestamp. Every parser it makes checks its text
 * ({@link CheckedJsonFactory}): no NUL, no broken UTF-8 or surrogate, no repeated member name.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  /**
   * Boot's builder with the checking factory in place of the plain one; a mapper cannot change
   * its factory later, and {@code rebuild()} keeps it. Every customizer still applies, in order,
   * so {@code spring.jackson.*} works as before.
   */
  @Bean
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
    JsonMapper.Builder builder = JsonMapper.builder(new CheckedJsonFactory());
    customizers.forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  @Bean
  JsonMapperBuilderCustomizer noLenientCoercion() {
    return builder -> builder
        // "3" -> 3, "true" or 1 -> true
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // 1.9 -> 1
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // 0 -> the first constant
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        // 12, 1.5 or true -> "12", "1.5", "true": ALLOW_COERCION_OF_SCALARS leaves text alone
        .withCoercionConfig(LogicalType.Textual, text -> text
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .addModule(new SimpleModule("iso-8601-text-only")
            .addDeserializer(Instant.class, new IsoText<>(Instant.class, Instant::parse))
            .addDeserializer(OffsetDateTime.class,
                new IsoText<>(OffsetDateTime.class, OffsetDateTime::parse))
            .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse)));
  }

  /**
   * A date or timestamp from its ISO-8601 text alone. Jackson's own also takes epoch numbers (in
   * seconds or milliseconds, by a setting the client cannot see), numeric strings and padded
   * text, ignoring the coercion settings above.
   */
  private static final class IsoText<T> extends StdScalarDeserializer<T> {

    private final Class<T> type;
    private final Function<CharSequence, T> parse;

    IsoText(Class<T> type, Function<CharSequence, T> parse) {
      super(type);
      this.type = type;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return type.cast(context.handleUnexpectedToken(type, parser));
      }
      String text = parser.getString();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException e) {
        return type.cast(context.handleWeirdStringValue(type, text, "not ISO-8601"));
      }
    }
  }
}
