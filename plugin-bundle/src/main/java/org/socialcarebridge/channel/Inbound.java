package org.socialcarebridge.channel;

import java.util.Objects;

/** One kind of message a channel receives, and how it arrives. */
public record Inbound(Kind kind, Arrival arrival) {

    public enum Kind {
        /** A public post naming the brand's account. */
        MENTION,
        /** A public comment under one of the brand's own posts. */
        COMMENT,
        /** A private message to the brand. */
        DIRECT_MESSAGE
    }

    public enum Arrival {
        /** The plugin asks the network at an interval, keeping its place. */
        POLL,
        /** The plugin holds a connection the network pushes messages down. */
        STREAM,
        /** The network calls the plugin. */
        WEBHOOK
    }

    public Inbound {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arrival, "arrival");
    }

    public static Inbound polled(Kind kind) {
        return new Inbound(kind, Arrival.POLL);
    }
}
