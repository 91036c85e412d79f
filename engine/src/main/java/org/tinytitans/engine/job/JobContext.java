package org.tinytitans.engine.job;

import java.nio.file.Path;
import org.tinytitans.engine.metrics.GreenMetrics;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.resolve.ExperimentRun;

/**
 * What one experiment run needs from its job: the spec's folder (relative paths resolve against it), where to
 * put its files, how to report, and the energy meter that attributes every phase.
 */
record JobContext(ExperimentRun run, Path specDir, Path experimentDir, EventWriter events, Progress progress,
                  GreenMetrics green) {

    /** A path written in the spec, relative to the spec's folder unless absolute. */
    Path resolve(String written) {
        Path p = Path.of(written);
        return p.isAbsolute() ? p : specDir.resolve(p).normalize();
    }

    void phase(String phase, String message) {
        events.event("phase").with("experiment", run.id()).with("phase", phase).with("message", message).emit();
        progress.update(phase, 0, 0, message);
    }

    void log(String level, String message) {
        events.event("log").with("level", level).with("message", "[" + run.id() + "] " + message).emit();
    }
}
