package dev.fieldguide.benchmarks;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cheapest JSON answer a Boot app gives: the floor for the service's trivial route. */
@RestController
class HelloController {

  private static final Map<String, String> OK = Map.of("status", "ok");

  @GetMapping("/hello")
  Map<String, String> hello() {
    return OK;
  }
}
