package org.tinytitans.engine.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tinytitans.language.resolve.TargetSpec;

/**
 * The batch script a Slurm job runs. Resources come from the target: gpus -&gt; --gpus=N, cpus -&gt;
 * --cpus-per-task, mem -&gt; --mem (MiB), time, account. A sweep of N points is one array job
 * (--array=0-(N-1)) whose task K runs `--point K` and writes events-K.jsonl; a single run writes events.jsonl.
 * Directive values are validated (no newline can reach a #SBATCH line); the command line is quoted.
 */
final class SbatchScript {
    private SbatchScript() {}

    /**
     * @param points number of array tasks, or 0 for one plain job running {@code point} (null = all runs)
     */
    static String render(TargetSpec target, String jobName, String jobDir, List<String> titans, String spec, int points,
                         Integer point) {
        return render(target, jobName, jobDir, titans, spec, points, point, Map.of());
    }

    /** @param env environment variables of the job (run through `env NAME=VALUE`, quoted) */
    static String render(TargetSpec target, String jobName, String jobDir, List<String> titans, String spec, int points,
                         Integer point, Map<String, String> env) {
        List<String> d = directives(target, jobName, jobDir, points);
        StringBuilder s = new StringBuilder("#!/bin/sh\n");
        for (String x : d) s.append("#SBATCH ").append(x).append('\n');
        s.append("# written by Tiny Titans: one job = titans-cli run --events (docs/events.md)\n");
        s.append("cd ").append(ShellQuote.quote(jobDir)).append(" || exit 1\n");
        org.tinytitans.engine.runtime.NativeLogs.jobEnvironment().forEach((k, v) -> s.append("export ").append(k).append('=').append(ShellQuote.quote(v)).append('\n'));
        if (points > 0) {
            s.append("k=\"$SLURM_ARRAY_TASK_ID\"\n");
            s.append("exec ").append(ShellQuote.command(JobScripts.jobArgv(env, titans, spec, null)))
                    .append(" --point \"$k\" >> \"events-$k.jsonl\" 2> \"stderr-$k.log\" < /dev/null\n");
        } else {
            s.append("exec ").append(ShellQuote.command(JobScripts.jobArgv(env, titans, spec, point)))
                    .append(" >> events.jsonl 2> stderr.log < /dev/null\n");
        }
        return s.toString();
    }

    static List<String> directives(TargetSpec target, String jobName, String jobDir, int points) {
        List<String> d = new ArrayList<>();
        d.add("--job-name=" + RemotePaths.safeName("titans-" + jobName));
        if (target.argument() != null && !target.argument().isEmpty()) d.add("--partition=" + RemoteNames.partition(target.argument()));
        String dir = RemotePaths.absolute(jobDir);
        d.add("--output=" + dir + (points > 0 ? "/slurm-%A_%a.out" : "/slurm-%j.out"));
        if (target.gpus() != null && target.gpus() > 0) d.add("--gpus=" + target.gpus());
        if (target.cpus() != null) d.add("--cpus-per-task=" + target.cpus());
        if (target.memBytes() != null) d.add("--mem=" + Math.max(1, (target.memBytes() + (1 << 20) - 1) >> 20) + "M");
        if (target.time() != null) d.add("--time=" + RemoteNames.time(target.time()));
        if (target.account() != null) d.add("--account=" + RemoteNames.account(target.account()));
        if (points > 0) d.add("--array=0-" + (points - 1));
        return d;
    }

    /** The event files the job writes, relative to its folder. */
    static List<String> eventFiles(int points) {
        if (points == 0) return List.of("events.jsonl");
        List<String> f = new ArrayList<>();
        for (int k = 0; k < points; k++) f.add("events-" + k + ".jsonl");
        return f;
    }
}
