package org.socialcarebridge.routes.x;

import org.apache.camel.builder.RouteBuilder;

/** The X route set: poll the brand's mentions and direct messages on a timer. Replies leave through the outbox. */
public final class XRoutes extends RouteBuilder {
    private final XSettings settings;
    private final XPoller poller;

    public XRoutes(XSettings settings, XPoller poller) {
        this.settings = settings;
        this.poller = poller;
    }

    @Override
    public void configure() {
        from("timer:x-poll?delay=0&period=" + settings.pollInterval().toMillis())
                .routeId("x-poll")
                .process(exchange -> exchange.getMessage().setBody(poller.poll()));
    }
}
