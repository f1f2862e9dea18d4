package dev.fieldguide.orders.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Standard Webhooks signing: the spec's reference vector, what is signed, which secrets pass. */
class WebhookSignatureTests {

  /** The reference vector the Standard Webhooks libraries test against (svix-webhooks). */
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  void signsTheStandardWebhooksReferenceVector() {
    assertThat(signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
        bytes("{\"test\": 2432232314}")))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void theIdTheTimestampAndEveryByteOfTheBodyAreSigned() {
    String signed = signature.sign("evt-1", 1_700_000_000, bytes("{\"a\":1}"));

    assertThat(signature.sign("evt-2", 1_700_000_000, bytes("{\"a\":1}"))).isNotEqualTo(signed);
    assertThat(signature.sign("evt-1", 1_700_000_001, bytes("{\"a\":1}"))).isNotEqualTo(signed);
    assertThat(signature.sign("evt-1", 1_700_000_000, bytes("{\"a\": 1}"))).isNotEqualTo(signed);
    assertThat(new WebhookSignature("whsec_" + "A".repeat(32))
        .sign("evt-1", 1_700_000_000, bytes("{\"a\":1}"))).isNotEqualTo(signed);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", // no whsec_ prefix
      "whsec_not*base64!secret-value-here", // not base64
      "whsec_c2hvcnQtc2VjcmV0", // 12 bytes: below the spec's 24
  })
  void refusesASecretThatIsNotWhsecAndTwentyFourBytesOrMoreWithoutQuotingIt(String secret) {
    assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.key(secret))
        .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain(secret)
            .doesNotContain(secret.substring(6)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
