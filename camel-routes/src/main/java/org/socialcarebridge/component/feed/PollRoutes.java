package org.socialcarebridge.component.feed;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;

/** A network's listening route: its poller on a timer (route id {@code <network>-poll}). Replies leave through the outbox. */
public final class PollRoutes extends RouteBuilder {
    private final String network;
    private final Duration interval;
    private final ChannelPoller poller;

    public PollRoutes(String network, Duration interval, ChannelPoller poller) {
        this.network = network;
        this.interval = interval;
        this.poller = poller;
    }

    @Override
    public void configure() {
        from("timer:" + network + "-poll?delay=0&period=" + interval.toMillis())
                .routeId(network + "-poll")
                .process(exchange -> exchange.getMessage().setBody(poller.poll()));
    }
}
