package dev.fieldguide.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Pattern Lab page at {@code /lab}: the topics of docs/TOPICS.md by seed section, a Run button
 * for each lab, and the live strip. The page is static (its scripts and styles are {@link
 * LabPageAssets}); it reads the topics, the labs and the strip from here and runs labs through
 * {@link LabRunController}, like {@code ./lab} does.
 */
@RestController
@RequestMapping("/lab")
class LabPage {

  static final String TOPICS = "lab/TOPICS.md";
  static final String PAGE = "lab/page/index.html";

  private final Catalogue catalogue;
  private final LiveStrip strip;

  LabPage(LabRuns runs, LiveStrip strip) throws IOException {
    this.catalogue = new Catalogue(TopicTable.parse(lines(new ClassPathResource(TOPICS))),
        runs.summaries());
    this.strip = strip;
  }

  /** What the page lists: the seed's sections with their topics, and every lab with its claim. */
  record Catalogue(List<TopicTable.Section> sections, List<LabRuns.Summary> labs) {}

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  Resource page() {
    return new ClassPathResource(PAGE);
  }

  @GetMapping(path = "/topics", produces = MediaType.APPLICATION_JSON_VALUE)
  Catalogue topics() {
    return catalogue;
  }

  @GetMapping(path = "/live", produces = MediaType.APPLICATION_JSON_VALUE)
  LiveStrip.Reading live() {
    return strip.read();
  }

  private static List<String> lines(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
