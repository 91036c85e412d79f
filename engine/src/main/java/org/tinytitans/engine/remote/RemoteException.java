package org.tinytitans.engine.remote;

/** A problem with a remote target that the user can fix; the message says what and how. */
public class RemoteException extends RuntimeException {
    public RemoteException(String message) {
        super(message);
    }

    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
