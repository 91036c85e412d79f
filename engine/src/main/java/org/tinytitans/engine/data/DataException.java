package org.tinytitans.engine.data;

/** A dataset could not be read; the message names the path and what is missing or malformed, for the user. */
public class DataException extends RuntimeException {
    public DataException(String message) { super(message); }

    public DataException(String message, Throwable cause) { super(message, cause); }
}
