package org.socialcarebridge.host;

/** The help desk could not be reached or answered with a server error; the work is retried later. */
public class HostUnavailableException extends RuntimeException {
    public HostUnavailableException(String message) {
        super(message);
    }

    public HostUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
