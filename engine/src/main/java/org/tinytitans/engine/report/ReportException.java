package org.tinytitans.engine.report;

/** A result that cannot be found or read: the message names the file and is meant for the user as it is. */
public final class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }
}
