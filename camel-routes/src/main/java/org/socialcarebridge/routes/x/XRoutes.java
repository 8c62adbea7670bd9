package org.socialcarebridge.routes.x;

import org.apache.camel.builder.RouteBuilder;

/** The X route set: poll the brand's mentions on a timer. Replies leave through the outbox. */
public final class XRoutes extends RouteBuilder {
    private final XSettings settings;
    private final XMentionsPoller poller;

    public XRoutes(XSettings settings, XMentionsPoller poller) {
        this.settings = settings;
        this.poller = poller;
    }

    @Override
    public void configure() {
        from("timer:x-mentions?delay=0&period=" + settings.pollInterval().toMillis())
                .routeId("x-mentions")
                .process(exchange -> exchange.getMessage().setBody(poller.poll()));
    }
}
