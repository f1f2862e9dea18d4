package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A sampled health check answers with its last reading, and DOWN before the first or when old. */
class SampledHealthTests {

  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    readers.shutdownNow();
  }

  @Test
  void downUntilTheFirstCheckThenTheCheckedStatusWithItsDetails() throws Exception {
    var checked = new AtomicReference<>(Health.up().withDetail("database", "PostgreSQL").build());
    var sample = new SampledValue<>("health.test", checked::get);
    var health = new SampledHealth(sample, Duration.ofMinutes(1));

    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("reason", "not checked yet");

    sample.start(readers).get();
    assertThat(health.health()).isEqualTo(checked.get());

    checked.set(Health.down().build());
    sample.start(readers).get();
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void aCheckOlderThanItsLimitIsDownWhateverItSaid() throws Exception {
    var sample = new SampledValue<>("health.test", () -> Health.up().build());
    sample.start(readers).get();

    assertThat(new SampledHealth(sample, Duration.ofMinutes(1)).health().getStatus())
        .isEqualTo(Status.UP);
    assertThat(new SampledHealth(sample, Duration.ZERO).health().getStatus())
        .isEqualTo(Status.DOWN);
  }
}
