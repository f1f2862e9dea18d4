package dev.fieldguide.lab;

import dev.fieldguide.orders.errors.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists and runs the labs; JSON for programs, plain text for the {@code ./lab} script. */
@RestController
@RequestMapping("/lab")
class LabController {

  private final Map<String, Lab> labs;

  LabController(List<Lab> labs) {
    this.labs = labs.stream().collect(Collectors.toMap(Lab::name, Function.identity()));
  }

  @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
  String names() {
    return labs.keySet().stream().sorted().collect(Collectors.joining("\n", "", "\n"));
  }

  @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  LabReport run(@PathVariable String name, HttpServletRequest request) {
    Lab lab = labs.get(name);
    if (lab == null) {
      throw new NotFoundException("lab", name);
    }
    // Labs call this same instance over loopback, exactly as an outside client would.
    return lab.run(URI.create("http://127.0.0.1:" + request.getLocalPort()));
  }

  @GetMapping(path = "/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
  String runAsText(@PathVariable String name, HttpServletRequest request) {
    return run(name, request).render();
  }
}
