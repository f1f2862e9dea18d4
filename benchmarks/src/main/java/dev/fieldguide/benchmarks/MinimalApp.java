package dev.fieldguide.benchmarks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain Spring Boot application, as a team would start one, that the benchmark measures the
 * service against: no security, rate limit, cache, ETag, tracing or metrics, nothing tuned.
 */
@SpringBootApplication
public class MinimalApp {

  public static void main(String[] args) {
    SpringApplication.run(MinimalApp.class, args);
  }
}
