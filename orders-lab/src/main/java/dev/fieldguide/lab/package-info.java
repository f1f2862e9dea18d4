/**
 * Live demos: each lab runs a topic's checks against this running service and reports measured
 * values in named phases, each with an observation that passed or failed.
 *
 * <p>{@code ./lab <name>} starts a run with {@code POST /lab/runs} ({@link LabRuns}: one run per
 * lab at a time, the last three kept) and reads its report once it ended; a run also streams as
 * Server-Sent Events ({@link LabRunController}). Labs exist only in this module, the
 * lab-enabled application ({@link dev.fieldguide.lab.FieldGuideLab}); the service's own jar and
 * image have none.
 *
 * <p>The Pattern Lab page ({@link LabPage}, {@code GET /lab} in a browser) lists the topics of
 * docs/TOPICS.md ({@link TopicTable}), runs labs through the same API, draws the {@link LabChart}s
 * a lab reports and its progress, and shows this instance's meters once a second
 * ({@link LiveStrip}). From this machine it needs no token unless {@code prod} is active
 * ({@link LabAccessRules}).
 *
 * @see dev.fieldguide.lab.ErrorsLabIntegrationTests
 * @see dev.fieldguide.lab.LabRunsIntegrationTests
 * @see dev.fieldguide.lab.LabPageBrowserIntegrationTests
 */
@NullMarked
package dev.fieldguide.lab;

import org.jspecify.annotations.NullMarked;
