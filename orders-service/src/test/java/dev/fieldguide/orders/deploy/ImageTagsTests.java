package dev.fieldguide.orders.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule every image reference in the deployment files is held to. */
class ImageTagsTests {

  @ParameterizedTest
  @ValueSource(strings = {"postgres:17.6", "redis:7.4.5", "prom/prometheus:v3.5.0",
      "eclipse-temurin:25.0.3_9-jre-noble", "field-guide/orders-service:0.1.0-SNAPSHOT",
      "localhost:5000/app:1.2",
      "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void versionTagsAndDigestsArePinned(String image) {
    assertThat(ImageTags.isPinned(image)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "postgres:latest", "grafana/grafana:main",
      "localhost:5000/app", "redis:alpine"})
  void missingLatestAndNamedTagsAreNot(String image) {
    assertThat(ImageTags.isPinned(image)).isFalse();
  }
}
