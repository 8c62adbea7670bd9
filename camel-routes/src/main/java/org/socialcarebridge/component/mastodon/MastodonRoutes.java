package org.socialcarebridge.component.mastodon;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.routes.intake.IntakeRoutes;

/**
 * What the Mastodon channel listens to: the brand account's mention notifications, into the intake
 * (route id {@code mastodon-mentions}). Replies leave through the outbox, by {@code mastodon:post}.
 */
public final class MastodonRoutes extends RouteBuilder {
    private final MastodonConfiguration configuration;

    public MastodonRoutes(MastodonConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void configure() {
        // What the intake could not record stays on the exchange: the feed then reads it again next poll.
        errorHandler(noErrorHandler());
        from("mastodon:mentions?initialDelay=0&delay=" + configuration.getPollInterval().toMillis())
                .routeId("mastodon-mentions").to(IntakeRoutes.URI);
    }
}
