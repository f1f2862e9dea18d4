package dev.fieldguide.orders.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's {@code Long} scalar: amounts in cents are Java {@code long}s (as in REST), and
 * GraphQL's built-in {@code Int} is 32 bits — an order over 21,474,836.47 would fail to serialise.
 */
@Configuration(proxyBeanMethods = false)
class LongScalar {

  static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
      .description("A 64-bit integer").coercing(new LongCoercing()).build();

  @Bean
  RuntimeWiringConfigurer longScalarWiring() {
    return wiring -> wiring.scalar(LONG);
  }

  /** Whole numbers within 64 bits, in and out; anything else is a coercion error. */
  private static final class LongCoercing implements Coercing<Long, Long> {

    @Override
    public Long serialize(Object result, GraphQLContext context, Locale locale) {
      if (result instanceof Long || result instanceof Integer) {
        return ((Number) result).longValue();
      }
      throw new CoercingSerializeException("Expected a whole number for Long");
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
      if (input instanceof Long || input instanceof Integer) {
        return ((Number) input).longValue();
      }
      throw new CoercingParseValueException("Expected a whole number for Long");
    }

    @Override
    public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
        Locale locale) {
      if (input instanceof IntValue value && value.getValue().bitLength() < Long.SIZE) {
        return value.getValue().longValue();
      }
      throw new CoercingParseLiteralException("Expected a 64-bit integer literal for Long");
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return IntValue.newIntValue(BigInteger.valueOf(serialize(input, context, locale))).build();
    }
  }
}
