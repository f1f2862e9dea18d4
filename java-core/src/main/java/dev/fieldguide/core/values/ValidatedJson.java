package dev.fieldguide.core.values;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Model.model_validate_json} for records: parse with Jackson, then check the constraints,
 * and report every problem as a field path plus a message instead of failing on the first.
 */
public final class ValidatedJson {

  /** Unknown fields are refused rather than ignored, so a client cannot slip in extra data. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  // The parameter interpolator avoids needing an Expression Language implementation at runtime.
  private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
      .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

  private ValidatedJson() {}

  /** One problem with the input, in the shape an API error response would list it. */
  public record FieldError(String field, String message) {}

  /** Thrown with every problem found; the caller maps it to a 400 with the list. */
  public static final class InvalidInput extends RuntimeException {
    private final List<FieldError> errors;

    InvalidInput(List<FieldError> errors) {
      super(errors.toString());
      this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  public static <T> T parse(String json, Class<T> type) {
    T value = read(json, type);
    Validator validator = VALIDATION.getValidator();
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations.stream()
          .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
          .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
          .toList());
    }
    return value;
  }

  private static <T> T read(String json, Class<T> type) {
    T value;
    try {
      value = JSON.readValue(json, type);
    } catch (UnrecognizedPropertyException e) {
      throw invalid(fieldOf(e), "is not a known field");
    } catch (MismatchedInputException e) {
      throw invalid(fieldOf(e), "must be of type " + e.getTargetType().getSimpleName());
    } catch (JacksonException e) {
      throw invalid("$", "is not valid JSON");
    }
    if (value == null) {
      throw invalid("$", "must be a JSON object");
    }
    return value;
  }

  private static InvalidInput invalid(String field, String message) {
    return new InvalidInput(List.of(new FieldError(field, message)));
  }

  /** Jackson's path to the offending value, written the way Bean Validation writes its paths. */
  private static String fieldOf(DatabindException e) {
    return e.getPath().stream().map(ref -> ref.getPropertyName() != null
        ? ref.getPropertyName()
        : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
  }
}
