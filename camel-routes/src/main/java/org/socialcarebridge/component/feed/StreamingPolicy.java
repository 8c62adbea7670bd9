package org.socialcarebridge.component.feed;

import java.util.function.Function;

import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Runs a channel's stream while a feed's route runs: opened when the route starts (given the route, whose
 * poll is the stream's catch-up), closed when it stops or is removed, so a reload or a channel switched off
 * leaves no stream behind.
 */
public final class StreamingPolicy extends RoutePolicySupport {
    private final Function<Route, ? extends NetworkStream> opens;
    private NetworkStream stream;

    /** @param opens the stream for this route, not yet started */
    public StreamingPolicy(Function<Route, ? extends NetworkStream> opens) {
        this.opens = opens;
    }

    @Override
    public synchronized void onStart(Route route) {
        stream = opens.apply(route);
        stream.start();
    }

    @Override
    public synchronized void onStop(Route route) {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void onRemove(Route route) {
        onStop(route);
    }
}
