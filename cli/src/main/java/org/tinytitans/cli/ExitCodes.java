package org.tinytitans.cli;

/** The CLI's exit codes, the same for every command so scripts can rely on them. */
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
}
