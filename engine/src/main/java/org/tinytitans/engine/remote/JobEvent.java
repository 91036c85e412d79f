package org.tinytitans.engine.remote;

import com.google.gson.JsonObject;
import java.util.List;

/** One line of the job protocol (docs/events.md), typed. {@link EventReader} makes them. */
public sealed interface JobEvent {

    /** The kind as written in the stream ("started", "metric", ...). */
    String kind();

    record Started(String spec, List<String> experiments, Long pid) implements JobEvent {
        public String kind() { return "started"; }
    }

    record Phase(String experiment, String phase, String message) implements JobEvent {
        public String kind() { return "phase"; }
    }

    record Progress(String experiment, String phase, long done, long total, String detail) implements JobEvent {
        public String kind() { return "progress"; }
    }

    record Metric(String experiment, String which, String name, double value, String unit, Integer line) implements JobEvent {
        public String kind() { return "metric"; }
    }

    record Expect(String experiment, Integer line, String text, boolean passed, String actual) implements JobEvent {
        public String kind() { return "expect"; }
    }

    record Log(String level, String message) implements JobEvent {
        public String kind() { return "log"; }
    }

    /** An experiment finished; {@code result} is its result object (docs/results.md). */
    record Result(String experiment, JsonObject result) implements JobEvent {
        public String kind() { return "result"; }
    }

    /** Which libtorch and device the job process runs on, and how it was chosen (what `titans-cli doctor` says). */
    record Runtime(String summary, JsonObject runtime) implements JobEvent {
        public String kind() { return "runtime"; }
    }

    /**
     * A ratio search finished evaluating one plan (issue 18): {@code trial} is the trial object of result.json's
     * {@code search.trials}, {@code of} the number of trials planned (null when unknown).
     */
    record SearchTrial(String experiment, JsonObject trial, Integer of) implements JobEvent {
        public String kind() { return "search-trial"; }
    }

    record Failed(String experiment, String message, Integer line, Integer column) implements JobEvent {
        public String kind() { return "failed"; }
    }

    /** Always the last line of a job that was not killed. */
    record Finished(int exitCode, String resultFile) implements JobEvent {
        public String kind() { return "finished"; }
    }
}
