package org.socialcarebridge.channel;

/** The network refused the post (4xx other than 429); posting it again would fail the same way. */
public class PostRejectedException extends RuntimeException {
    public PostRejectedException(String message) {
        super(message);
    }
}
