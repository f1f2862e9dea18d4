package dev.fieldguide.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BlockingFanOutTests {

  private static final int CALLS = 10_000;
  private static final Duration ONE_WAIT = Duration.ofMillis(200);

  @Test
  void tenThousandBlockingCallsFinishInAboutOneWait() {
    long start = System.nanoTime();
    int completed = BlockingFanOut.runAll(CALLS, () -> Thread.sleep(ONE_WAIT));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    System.out.printf("P3 %,d blocking calls of %d ms on virtual threads: %d ms%n", CALLS,
        ONE_WAIT.toMillis(), elapsed.toMillis());
    assertThat(completed).isEqualTo(CALLS);
    // Sequentially this is 2,000 s; on a pool of 200 platform threads, 10 s.
    assertThat(elapsed).isLessThan(ONE_WAIT.multipliedBy(10));
  }

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
