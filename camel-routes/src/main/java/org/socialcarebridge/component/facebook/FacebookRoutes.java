package org.socialcarebridge.component.facebook;

import java.time.Clock;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.routes.health.Tick;

/**
 * The Facebook channel's own routes, attached and detached with it (each with a route id starting
 * {@code facebook-}). Nothing is polled: comments and Messenger messages arrive by Meta's webhook, which
 * the core serves for the Meta app ({@code /socialcare/webhooks/meta}) and hands to this channel's
 * {@link FacebookWebhookHandler} while it is attached; replies leave through the outbox by
 * {@code facebook:post}. Two timers read the Page's {@link GraphApi}, both at once when the channel
 * attaches: {@code facebook-recovery} ({@link FacebookRecovery}, what the webhook missed, every
 * {@link FacebookConfiguration#getRecoveryInterval()}) and {@code facebook-subscription}
 * ({@link FacebookSubscription}, every {@link FacebookConfiguration#getSubscriptionCheckInterval()},
 * which also runs the recovery when the subscription is back). Their logic is in those classes.
 */
public final class FacebookRoutes extends RouteBuilder {
    private final FacebookConfiguration configuration;
    private final FacebookRecovery recovery;
    private final FacebookSubscription subscription;

    /**
     * @param intake where recovered messages go (the ledger drops what the webhook already brought)
     * @param db     the cursor store, for the recovery's high-water mark
     * @param status the channel's health line, {@code health.channel("facebook")}, where the subscription check reports
     */
    public FacebookRoutes(FacebookConfiguration configuration, GraphApi graph, Intake intake, Database db,
                          ChannelStatus status, Clock clock) {
        this.configuration = configuration;
        this.recovery = new FacebookRecovery(graph, intake, db, configuration.getPageId(),
                configuration.getRecoveryLookBack(), FacebookRecovery.PAGES_PER_RUN, clock);
        this.subscription = new FacebookSubscription(graph, configuration.getPageId(), status,
                configuration.getSubscriptionCheckInterval(), recovery::run, clock);
    }

    @Override
    public void configure() {
        // A failed run of a timer is reported on its heartbeat and tried at its next tick.
        errorHandler(noErrorHandler());
        from("timer:facebook-recovery?delay=0&period=" + configuration.getRecoveryInterval().toMillis())
                .routeId("facebook-recovery").process(Tick.of(exchange -> recovery.run()));
        from("timer:facebook-subscription?delay=0&period=" + configuration.getSubscriptionCheckInterval().toMillis())
                .routeId("facebook-subscription").process(Tick.of(exchange -> subscription.check()));
    }
}
