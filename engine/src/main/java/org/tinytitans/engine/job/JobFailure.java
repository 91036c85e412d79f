package org.tinytitans.engine.job;

import org.tinytitans.language.ast.Range;

/** A failure a user can act on (missing file, unsupported combination), reported at the spec line it concerns. */
public final class JobFailure extends RuntimeException {

    private final transient Range range;

    public JobFailure(String message, Range range) {
        super(message);
        this.range = range;
    }

    public JobFailure(String message, Range range, Throwable cause) {
        super(message, cause);
        this.range = range;
    }

    /** Where in the spec the problem is, or null. */
    public Range range() {
        return range;
    }
}
