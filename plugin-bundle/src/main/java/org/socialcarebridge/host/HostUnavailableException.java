package org.socialcarebridge.host;

/** The help desk could not be reached or answered with a server error; the work is retried later. */
public class HostUnavailableException extends RuntimeException {
    private final boolean mayHaveWritten;

    public HostUnavailableException(String message) {
        this(message, null, true);
    }

    public HostUnavailableException(String message, Throwable cause) {
        this(message, cause, true);
    }

    protected HostUnavailableException(String message, Throwable cause, boolean mayHaveWritten) {
        super(message, cause);
        this.mayHaveWritten = mayHaveWritten;
    }

    /**
     * The request never reached the help desk (connection refused, login failed before it): nothing was
     * written, so a retry needs no patience with a help desk that might still be writing.
     */
    public static HostUnavailableException notReached(String message, Throwable cause) {
        return new HostUnavailableException(message, cause, false);
    }

    /** False only when the help desk surely did not receive the request. */
    public boolean mayHaveWritten() {
        return mayHaveWritten;
    }
}
