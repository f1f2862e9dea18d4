package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A policy is a bucket that can hold a request and refills; its name is a header token. */
class RateLimitPolicyTests {

  private static final List<String> PATHS = List.of("/api/v1/orders/**");

  @Test
  void theSmallestBucketHoldsOneRequest() {
    var one = new RateLimitPolicy("one", PATHS, 1, 0.5);

    assertThat(one.capacity()).isEqualTo(1);
    assertThat(one.windowSeconds()).isEqualTo(2);
  }

  @Test
  void aBucketThatHoldsNothingOrNeverRefillsIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy("p", PATHS, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy("p", PATHS, 5, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitPolicy("p", PATHS, 5, -1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Orders", "orders api", "orders\"", "orders;q=1"})
  void aNameThatIsNotLowerCaseLettersDigitsAndDashesIsRefused(String name) {
    assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(name, PATHS, 5, 1));
  }

  @Test
  void thePathsAreTheOnesGivenAtConstruction() {
    List<String> paths = new ArrayList<>(PATHS);
    var policy = new RateLimitPolicy("graphql-2", paths, 5, 1);

    paths.add("/api/**");

    assertThat(policy.paths()).containsExactly("/api/v1/orders/**");
  }
}
