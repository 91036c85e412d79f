package org.tinytitans.engine.job;

/**
 * Exit codes of a job and of every titans-cli command (the same numbers, so scripts can rely on them), and
 * the one reading of a process's exit status that the runners and the editor show.
 */
public final class ExitCodes {
    /** Everything passed. */
    public static final int OK = 0;
    /** The spec has errors, or an {@code expect} was not met. */
    public static final int FAILED_CHECK = 1;
    /** Bad usage or an input that could not be read. */
    public static final int USAGE = 2;
    /** The job itself failed (a model did not load, a native crash, ...). */
    public static final int JOB_FAILED = 3;

    private ExitCodes() {}

    /** "exit code 3", or "exit code 137 (killed by signal 9, e.g. out of memory or kill -9)" for 128+N statuses. */
    public static String describe(int code) {
        if (code > 128 && code < 160) {
            int sig = code - 128;
            String what = switch (sig) {
                case 9 -> ", e.g. out of memory or kill -9";
                case 15 -> ", terminated";
                case 6 -> ", aborted (native crash)";
                case 11 -> ", segmentation fault (native crash)";
                default -> "";
            };
            return "exit code " + code + " (killed by signal " + sig + what + ")";
        }
        return "exit code " + code;
    }
}
