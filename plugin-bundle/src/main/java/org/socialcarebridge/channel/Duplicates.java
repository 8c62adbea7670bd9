package org.socialcarebridge.channel;

/**
 * How a post is kept from appearing twice when an attempt timed out or the plugin stopped mid-post,
 * so the network may hold it although no answer came.
 */
public enum Duplicates {
    /** The network honours an idempotency key: posting again with the same key answers the first post. */
    IDEMPOTENCY_KEY,
    /** The network has no such key: the brand's recent posts are looked up before posting again. */
    LOOK_UP_BEFORE_POSTING_AGAIN
}
