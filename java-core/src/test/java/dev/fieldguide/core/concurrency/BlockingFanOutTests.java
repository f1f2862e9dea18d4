package dev.fieldguide.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each blocking call gets a virtual thread of its own: all 10,000 calls are blocked at the same
 * moment, which a bounded pool of platform threads cannot do. Proven with latches, not a clock.
 */
@Timeout(60)
class BlockingFanOutTests {

  private static final int CALLS = 10_000;

  @Test
  void allTenThousandCallsAreBlockedAtTheSameTime() throws Exception {
    CountDownLatch allBlocked = new CountDownLatch(CALLS);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Integer> completed = CompletableFuture
        .supplyAsync(() -> BlockingFanOut.runAll(CALLS, () -> {
          allBlocked.countDown();
          release.await(30, TimeUnit.SECONDS);
        }));

    boolean everyCallWaiting = allBlocked.await(30, TimeUnit.SECONDS);
    release.countDown();
    assertThat(everyCallWaiting).as("all %d calls parked at once", CALLS).isTrue();
    assertThat(completed.get(30, TimeUnit.SECONDS)).isEqualTo(CALLS);
  }
}
