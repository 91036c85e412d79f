package org.tinytitans.server.jobs;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.remote.JobEvent;

/** Folds a job's events (the engine's typed protocol) into {@link JobResults}; one per running job. */
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
        if (e instanceof JobEvent.Metric m && m.name() != null) {
            metrics.add(new JobResults.Metric(m.experiment(), m.which(), m.name(), m.value(), m.unit() == null ? "" : m.unit(), m.line()));
        } else if (e instanceof JobEvent.Expect x && x.line() != null) {
            expects.add(new JobResults.Verdict(x.experiment(), x.line(), x.text(), x.passed(), x.actual()));
        } else if (e instanceof JobEvent.Failed f) {
            failures.add(new JobResults.Failure(f.experiment(), f.message() == null ? "failed" : f.message(), f.line(), f.column()));
        } else if (e instanceof JobEvent.Finished f) {
            finished = true;
            exitCode = f.exitCode();
            if (resultFile == null) resultFile = f.resultFile();
        }
    }

    /** Where the results were brought back to (a remote job's resultFile names a path on the remote side). */
    synchronized void resultFile(String localPath) {
        resultFile = localPath;
    }

    synchronized boolean finished() {
        return finished;
    }

    synchronized JobResults build(JobResults.State state, String detail) {
        return new JobResults(hash, text, state, metrics, expects, failures, exitCode, resultFile, detail);
    }
}
