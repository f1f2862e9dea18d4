package dev.fieldguide.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lab run as the API shows it: where it is, the phases and charts reported so far, how far a
 * long step has got and, once it ended, when and how. {@code url} is the run's own address; {@code events} streams it.
 */
record LabRunView(String id, String lab, String claim, LabRun.State state, Instant startedAt,
    @Nullable Instant finishedAt, List<LabReport.Phase> phases, List<LabChart> charts,
    LabRun.@Nullable Progress progress, @Nullable String error) {

  @JsonProperty
  public String url() {
    return LabRuns.PATH + "/" + id;
  }

  @JsonProperty
  public String events() {
    return url() + "/events";
  }

  /** Phases that held, of those reported. */
  @JsonProperty
  public long held() {
    return phases.stream().filter(LabReport.Phase::passed).count();
  }
}
