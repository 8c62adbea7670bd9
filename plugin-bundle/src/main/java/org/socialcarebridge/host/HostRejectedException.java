package org.socialcarebridge.host;

/** The help desk refused a request (bad field, missing right); retrying the same request will not help. */
public class HostRejectedException extends RuntimeException {
    public HostRejectedException(String message) {
        super(message);
    }
}
