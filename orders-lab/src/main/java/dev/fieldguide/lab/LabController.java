package dev.fieldguide.lab;

import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the labs, one name per line, for {@code ./lab} and {@code ./lab all}. */
@RestController
@RequestMapping("/lab")
class LabController {

  private final LabRuns runs;

  LabController(LabRuns runs) {
    this.runs = runs;
  }

  @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
  String names() {
    return runs.names().stream().collect(Collectors.joining("\n", "", "\n"));
  }
}
