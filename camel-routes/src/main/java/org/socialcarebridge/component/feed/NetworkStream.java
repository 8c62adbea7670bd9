package org.socialcarebridge.component.feed;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A network's real-time stream as a channel runs it (X's activity stream, Mastodon's notifications): each
 * network says what it opens and how it reads a line; reconnecting with back-off, the silence watchdog and
 * the catch-up on every (re)connect are the {@link ReconnectingStream}'s it is given.
 */
public abstract class NetworkStream implements AutoCloseable {
    private final ReconnectingStream stream;

    protected NetworkStream(ReconnectingStream stream) {
        this.stream = stream;
    }

    /** Where the state is shown as it changes (the channel's health line). */
    public void showStateIn(Consumer<String> shown) {
        stream.showStateIn(shown);
    }

    public void start() {
        stream.start();
    }

    /** {@code connected}, {@code reconnecting in <back-off>: <why>}, {@code connecting} or {@code stopped}: for the health line. */
    public String state() {
        return stream.state();
    }

    /** How long a stream may be silent, heartbeats and keep-alives included, before it is opened again (before {@link #start}). */
    public void silence(Duration longest) {
        stream.silence(longest);
    }

    /** How many times a stream was opened (for tests). */
    public int connects() {
        return stream.connects();
    }

    @Override
    public void close() {
        stream.close();
    }
}
