package org.tinytitans.cli;

/** A problem with what the user asked for (a missing file, a bad option value): exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
