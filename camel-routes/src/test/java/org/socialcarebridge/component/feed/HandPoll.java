package org.socialcarebridge.component.feed;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.routes.intake.IntakeRoutes;

/**
 * A test's feed routes, shaped like XRoutes and MastodonRoutes ({@code from(feed).to("direct:intake")})
 * but with the scheduler off, so the test polls them by hand: {@link #poll} polls each feed once, in the
 * order added, as one poll of the channel.
 */
public final class HandPoll {
    private final CamelContext camel;
    private final List<String> routeIds = new ArrayList<>();

    /** Adds the intake route to the context. */
    public HandPoll(CamelContext camel, Intake intake) throws Exception {
        this.camel = camel;
        camel.addRoutes(new IntakeRoutes(intake));
    }

    public HandPoll feed(String uri, String routeId) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri + (uri.contains("?") ? "&" : "?") + "startScheduler=false").routeId(routeId).to(IntakeRoutes.URI);
            }
        });
        routeIds.add(routeId);
        return this;
    }

    public FeedConsumer consumer(String routeId) {
        return (FeedConsumer) camel.getRoute(routeId).getConsumer();
    }

    /** Answers how many messages were new to the ledger. */
    public int poll() {
        int fresh = 0;
        for (String id : routeIds) {
            fresh += consumer(id).poll();
        }
        return fresh;
    }
}
