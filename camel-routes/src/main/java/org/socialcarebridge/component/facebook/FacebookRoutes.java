package org.socialcarebridge.component.facebook;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Facebook channel's own routes, attached and detached with it (each with a route id starting
 * {@code facebook-}). Nothing is polled: comments and Messenger messages arrive by Meta's webhook, which
 * the core serves for the Meta app ({@code /socialcare/webhooks/meta}) and hands to this channel's
 * {@link FacebookWebhookHandler} while it is attached; replies leave through the outbox by
 * {@code facebook:post}. The timers of the recovery (what the webhook missed while the plugin was down,
 * every {@link FacebookConfiguration#getRecoveryInterval()}) and of the subscription check (every
 * {@link FacebookConfiguration#getSubscriptionCheckInterval()}) go here, reading through the Page's
 * {@link GraphApi}.
 */
public final class FacebookRoutes extends RouteBuilder {
    private final FacebookConfiguration configuration;
    private final GraphApi graph;

    public FacebookRoutes(FacebookConfiguration configuration, GraphApi graph) {
        this.configuration = configuration;
        this.graph = graph;
    }

    @Override
    public void configure() {
        // A failed run of a timer is reported on its heartbeat and tried at its next tick.
        errorHandler(noErrorHandler());
        // Here go the recovery's and the subscription check's timers (route ids facebook-recovery,
        // facebook-subscription), on configuration's intervals and graph's reads.
    }
}
