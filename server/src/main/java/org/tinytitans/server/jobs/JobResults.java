package org.tinytitans.server.jobs;

import java.util.List;

/**
 * What one job said about a spec: measured figures, expect verdicts, failures and how it ended. Lines are
 * 1-based, as in the events; {@code specText} is the text that ran, so findings can be matched to lines
 * of a later, edited text.
 *
 * @param state    FINISHED (a `finished` event came), DIED (the stream ended without it), CANCELLED, RUNNING
 * @param exitCode the job's reported or actual exit code, or null while running
 */
public record JobResults(String specHash, String specText, State state, List<Metric> metrics, List<Verdict> expects,
                         List<Failure> failures, Integer exitCode, String resultFile, String detail) {
    public enum State { RUNNING, FINISHED, DIED, CANCELLED }

    public JobResults {
        metrics = List.copyOf(metrics);
        expects = List.copyOf(expects);
        failures = List.copyOf(failures);
    }

    /** @param which "baseline" or "pruned"; line null when the figure belongs to no spec line */
    public record Metric(String experiment, String which, String name, double value, String unit, Integer line) {}

    public record Verdict(String experiment, int line, String text, boolean passed, String actual) {}

    /** @param line 1-based or null; column 1-based or null */
    public record Failure(String experiment, String message, Integer line, Integer column) {}

    public boolean passed() {
        return state == State.FINISHED && failures.isEmpty() && expects.stream().allMatch(Verdict::passed);
    }
}
