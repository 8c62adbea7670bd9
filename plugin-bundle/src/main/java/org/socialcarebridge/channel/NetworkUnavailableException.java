package org.socialcarebridge.channel;

/** A timeout, refused connection or 5xx: the same post may succeed later. */
public class NetworkUnavailableException extends RuntimeException {
    public NetworkUnavailableException(String message) {
        super(message);
    }

    public NetworkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
