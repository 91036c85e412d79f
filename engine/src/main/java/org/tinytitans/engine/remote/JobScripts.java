package org.tinytitans.engine.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The remote shell scripts of an SSH job. The job runs detached under `setsid` in its own process group,
 * so a dropped connection does not end it; its pid file names the group; events go to events.jsonl in the
 * job folder and the ssh session streams that file with `tail -f` until the job's process ends. Every
 * value is quoted; the script text itself is fixed.
 */
final class JobScripts {
    static final String EXIT_MARKER = "titans-exit";
    static final String RESULTS_MARKER = "titans-results";

    private JobScripts() {}

    /** argv of the job: titans run --events SPEC [--point K]. */
    static List<String> jobArgv(List<String> titans, String spec, Integer point) {
        return jobArgv(Map.of(), titans, spec, point);
    }

    /** The same, run by `env NAME=VALUE ...` when the job gets environment variables (each word is quoted later). */
    static List<String> jobArgv(Map<String, String> env, List<String> titans, String spec, Integer point) {
        List<String> argv = new ArrayList<>();
        if (!env.isEmpty()) {
            argv.add("env");
            env.forEach((k, v) -> argv.add(k + "=" + v));
        }
        argv.addAll(titans);
        argv.addAll(List.of("run", "--events", spec));
        if (point != null) argv.addAll(List.of("--point", String.valueOf(point)));
        return argv;
    }

    /** Starts the job detached, then follows it ({@link #attach}). */
    static String start(String jobDir, List<String> jobArgv, String resultsRel) {
        String inner = "echo $$ > pid.part && mv pid.part pid; " + org.tinytitans.engine.runtime.NativeLogs.shellPrefix() + ShellQuote.command(jobArgv)
                + " >> events.jsonl 2> stderr.log < /dev/null; echo $? > exit";
        return "cd " + ShellQuote.quote(jobDir) + " || exit 3\n"
                + "rm -f pid exit; : > events.jsonl\n"
                + "setsid -f sh -c " + ShellQuote.quote(inner) + " < /dev/null > /dev/null 2>&1\n"
                + follow(resultsRel);
    }

    /** Follows a started job from the first event: what re-attaching runs. */
    static String attach(String jobDir, String resultsRel) {
        return "cd " + ShellQuote.quote(jobDir) + " || { echo 'no such job folder' >&2; exit 4; }\n" + follow(resultsRel);
    }

    private static String follow(String resultsRel) {
        return "i=0; while [ ! -s pid ]; do i=$((i+1)); if [ $i -gt 300 ]; then echo 'the job did not start' >&2; exit 5; fi; sleep 0.1; done\n"
                + "tail -n +1 -s 0.2 --pid=\"$(cat pid)\" -f events.jsonl\n"
                + "if [ -s exit ]; then echo \"" + EXIT_MARKER + ": $(cat exit)\" >&2; fi\n"
                + "if [ -s stderr.log ]; then tail -n 5 stderr.log >&2; fi\n"
                + "if [ -d " + ShellQuote.quote(resultsRel) + " ]; then echo '" + RESULTS_MARKER + ": yes' >&2; fi\n"
                + "exit 0\n";
    }

    /** Ends the job's process group: TERM, then KILL after 5 s. */
    static String cancel(String jobDir) {
        return "cd " + ShellQuote.quote(jobDir) + " || exit 0\n"
                + "i=0; while [ ! -s pid ] && [ $i -lt 50 ]; do i=$((i+1)); sleep 0.1; done\n"
                + "[ -s pid ] || exit 0\n"
                + "pg=$(cat pid); kill -TERM -\"$pg\" 2>/dev/null || exit 0\n"
                + "i=0; while kill -0 -\"$pg\" 2>/dev/null && [ $i -lt 25 ]; do i=$((i+1)); sleep 0.2; done\n"
                + "kill -KILL -\"$pg\" 2>/dev/null; exit 0\n";
    }
}
