package org.socialcarebridge.component.feed;

/**
 * An inbound item the network's mapper could not read, raised in the intake route so that the route's
 * {@code onException} sends it to the dead letters; the cause says why.
 */
public final class UnreadableItemException extends RuntimeException {
    public UnreadableItemException(String id, Throwable cause) {
        super("Could not read item " + id + ": " + cause, cause);
    }
}
