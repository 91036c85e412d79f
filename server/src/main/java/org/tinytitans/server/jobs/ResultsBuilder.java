package org.tinytitans.server.jobs;

import java.util.ArrayList;
import java.util.List;

/** Folds a job's events into {@link JobResults}; one per running job, used from the job's reader thread. */
final class ResultsBuilder {
    private final String hash;
    private final String text;
    private final List<JobResults.Metric> metrics = new ArrayList<>();
    private final List<JobResults.Verdict> expects = new ArrayList<>();
    private final List<JobResults.Failure> failures = new ArrayList<>();
    private Integer exitCode;
    private String resultFile;
    private boolean finished;

    ResultsBuilder(String hash, String text) {
        this.hash = hash;
        this.text = text;
    }

    synchronized void accept(JobEvent e) {
        switch (e.kind()) {
            case "metric" -> {
                Double v = e.number("value");
                if (v != null && e.string("name") != null) {
                    metrics.add(new JobResults.Metric(e.string("experiment"), e.string("which"), e.string("name"), v,
                            e.string("unit") == null ? "" : e.string("unit"), e.integer("line")));
                }
            }
            case "expect" -> {
                Integer line = e.integer("line");
                if (line != null) {
                    expects.add(new JobResults.Verdict(e.string("experiment"), line, e.string("text"), e.bool("passed"),
                            e.string("actual")));
                }
            }
            case "failed" -> failures.add(new JobResults.Failure(e.string("experiment"),
                    e.string("message") == null ? "failed" : e.string("message"), e.integer("line"), e.integer("column")));
            case "finished" -> {
                finished = true;
                exitCode = e.integer("exitCode");
                resultFile = e.string("resultFile");
            }
            default -> { }
        }
    }

    synchronized boolean finished() {
        return finished;
    }

    synchronized JobResults build(JobResults.State state, Integer processExit, String detail) {
        Integer code = exitCode != null ? exitCode : processExit;
        return new JobResults(hash, text, state, metrics, expects, failures, code, resultFile, detail);
    }
}
