package dev.fieldguide.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fieldguide.core.values.ValidatedJson.FieldError;
import dev.fieldguide.core.values.ValidatedJson.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatedJsonTests {

  @Test
  void validJsonBecomesATypedRecord() {
    SignupRequest request = ValidatedJson.parse("""
        {"email": "ada@example.com", "age": 36, "interests": ["engines"]}
        """, SignupRequest.class);

    assertThat(request).isEqualTo(new SignupRequest("ada@example.com", 36, List.of("engines")));
  }

  @Test
  void everyBrokenConstraintIsReportedWithItsField() {
    assertThat(errorsFor("""
        {"email": "not-an-email", "age": 7, "interests": ["engines", " "]}
        """)).containsExactly(
        new FieldError("age", "must be greater than or equal to 13"),
        new FieldError("email", "must be a well-formed email address"),
        new FieldError("interests[1].<list element>", "must not be blank"));
  }

  @Test
  void missingFieldsAreReportedNotDefaulted() {
    assertThat(errorsFor("{}")).extracting(FieldError::field)
        .containsExactly("age", "email", "interests");
  }

  @Test
  void wrongTypeIsReportedWithTheExpectedType() {
    assertThat(errorsFor("""
        {"email": "ada@example.com", "age": "thirty", "interests": []}
        """)).containsExactly(new FieldError("age", "must be of type Integer"));
  }

  @Test
  void unknownFieldIsRefused() {
    assertThat(errorsFor("""
        {"email": "ada@example.com", "age": 36, "interests": [], "isAdmin": true}
        """)).containsExactly(new FieldError("isAdmin", "is not a known field"));
  }

  @Test
  void malformedOrNullJsonIsRefused() {
    assertThat(errorsFor("{\"email\": ")).containsExactly(new FieldError("$", "is not valid JSON"));
    assertThat(errorsFor("null")).containsExactly(new FieldError("$", "must be a JSON object"));
  }

  private static List<FieldError> errorsFor(String json) {
    Throwable thrown = catchThrowable(() -> ValidatedJson.parse(json, SignupRequest.class));
    assertThat(thrown).as("input rejected").isInstanceOf(InvalidInput.class);
    return ((InvalidInput) thrown).errors();
  }
}
