package dev.fieldguide.orders;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/** Starts the orders service; the default profile runs the api and worker roles in one process. */
@SpringBootApplication
public class FieldGuideApplication {

  public static void main(String[] args) {
    SpringApplication.run(FieldGuideApplication.class, args);
  }

  /** "Now" for the code that a test must run at a chosen instant (the tests' {@code TestClock}). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Date constraints such as {@code @WithinDaysOfNow} read "now" from the same clock. */
  @Bean
  ValidationConfigurationCustomizer validationClock(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }
}
