package org.tinytitans.engine.remote;

import java.util.function.Consumer;

/**
 * How to run one job.
 *
 * @param listener receives each event as it arrives (on a reader thread); never null
 * @param point    run only this sweep point (`--point K`, 0-based over the spec's resolved runs), or null for all
 * @param jobId    the remote job folder name, or null for a fresh one
 */
public record JobOptions(Consumer<JobEvent> listener, Integer point, String jobId) {
    public JobOptions {
        if (listener == null) listener = e -> { };
        if (point != null && point < 0) throw new IllegalArgumentException("point must be >= 0");
        if (jobId != null) RemoteNames.jobId(jobId);
    }

    public static JobOptions defaults() {
        return new JobOptions(null, null, null);
    }

    public JobOptions withListener(Consumer<JobEvent> l) {
        return new JobOptions(l, point, jobId);
    }

    public JobOptions withPoint(Integer k) {
        return new JobOptions(listener, k, jobId);
    }

    public JobOptions withJobId(String id) {
        return new JobOptions(listener, point, id);
    }
}
