package org.tinytitans.engine.remote;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How to run one job.
 *
 * @param listener receives each event as it arrives (on a reader thread); never null
 * @param point    run only this sweep point (`--point K`, 0-based over the spec's resolved runs), or null for all
 * @param jobId    the remote job folder name, or null for a fresh one
 * @param env      environment variables the job process gets, wherever it runs (e.g. the editor's
 *                 TITANS_CARBON_REGION); names are [A-Z_][A-Z0-9_]*, values are quoted for remote shells
 */
public record JobOptions(Consumer<JobEvent> listener, Integer point, String jobId, Map<String, String> env) {
    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    public JobOptions {
        if (listener == null) listener = e -> { };
        if (point != null && point < 0) throw new IllegalArgumentException("point must be >= 0");
        if (jobId != null) RemoteNames.jobId(jobId);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        for (var e : env.entrySet()) {
            if (!NAME.matcher(e.getKey()).matches()) throw new IllegalArgumentException("not an environment variable name: " + e.getKey());
            if (e.getValue() == null || e.getValue().indexOf('\0') >= 0) throw new IllegalArgumentException("bad value for " + e.getKey());
        }
    }

    public JobOptions(Consumer<JobEvent> listener, Integer point, String jobId) {
        this(listener, point, jobId, null);
    }

    public static JobOptions defaults() {
        return new JobOptions(null, null, null, null);
    }

    public JobOptions withListener(Consumer<JobEvent> l) {
        return new JobOptions(l, point, jobId, env);
    }

    public JobOptions withPoint(Integer k) {
        return new JobOptions(listener, k, jobId, env);
    }

    public JobOptions withJobId(String id) {
        return new JobOptions(listener, point, id, env);
    }

    public JobOptions withEnv(Map<String, String> variables) {
        return new JobOptions(listener, point, jobId, variables);
    }
}
