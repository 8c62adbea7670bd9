package org.socialcarebridge.component.x;

import java.util.List;
import java.util.function.Function;

import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.component.feed.StreamingPolicy;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.routes.health.Tick;
import org.socialcarebridge.routes.intake.IntakeRoutes;

/**
 * What the X channel listens to: the brand's mentions and its direct messages, each a feed with its own
 * cursor, into the intake (route ids {@code x-mentions}, {@code x-direct-messages}). Replies leave
 * through the outbox, by {@code x:post}. With real time ({@code intake = webhook} or {@code stream}) the
 * feeds are read at the start and every {@code catchUpInterval} only to catch up (the ledger keeps what
 * both bring once); the stream runs while {@code x-direct-messages} runs and catches up on every (re)connect;
 * {@code x-subscriptions} makes X deliver (webhook and subscriptions) at the start and every
 * {@code subscriptionCheckInterval}.
 */
public final class XRoutes extends RouteBuilder {
    public static final String MENTIONS = "x-mentions";
    public static final String DIRECT_MESSAGES = "x-direct-messages";
    public static final String SUBSCRIPTIONS = "x-subscriptions";

    private final XConfiguration configuration;
    private final WebhookRoutes webhook;
    private final XSubscriptions subscriptions;
    private final Function<Runnable, XStream> streams;

    public XRoutes(XConfiguration configuration) {
        this(configuration, null, null, null);
    }

    /**
     * @param webhook       X's signed webhook ({@code intake = webhook}), served with the channel and gone with it
     * @param subscriptions the webhook's registration or the stream's subscriptions, checked on a timer; null for none
     * @param streams       opens the activity stream, given its catch-up; used when {@code intake = stream}
     */
    public XRoutes(XConfiguration configuration, WebhookRoutes webhook, XSubscriptions subscriptions,
                   Function<Runnable, XStream> streams) {
        this.configuration = configuration;
        this.webhook = webhook;
        this.subscriptions = subscriptions;
        this.streams = streams;
        if (configuration.getIntake() == XSettings.IntakeMode.STREAM && streams == null) {
            throw new IllegalArgumentException("intake = stream needs the stream: give XRoutes its streams");
        }
    }

    @Override
    public void configure() {
        // What the intake could not record stays on the exchange: the feed then reads it again next poll.
        errorHandler(noErrorHandler());
        if (webhook != null) {
            webhook.addTo(this); // first: registering the webhook makes X send the CRC to it
        }
        String every = "?initialDelay=0&delay=" + configuration.feedInterval().toMillis();
        from("x:mentions" + every).routeId(MENTIONS).to(IntakeRoutes.URI);
        var directMessages = from("x:directMessages" + every).routeId(DIRECT_MESSAGES);
        if (configuration.getIntake() == XSettings.IntakeMode.STREAM) {
            // The stream runs while the DM route (started after the mentions') runs, catching up by both feeds' polls.
            directMessages.routePolicy(new StreamingPolicy(route -> streams.apply(this::catchUp)));
        }
        directMessages.to(IntakeRoutes.URI);
        if (subscriptions != null) {
            from("timer:" + SUBSCRIPTIONS + "?delay=0&period=" + configuration.getSubscriptionCheckInterval().toMillis())
                    .routeId(SUBSCRIPTIONS).process(Tick.of(exchange -> subscriptions.check()));
        }
    }

    /** Both feeds' poll from their cursors, as the stream's catch-up; a feed whose route is gone is skipped. */
    private void catchUp() {
        for (String id : List.of(MENTIONS, DIRECT_MESSAGES)) {
            Route route = getContext().getRoute(id);
            if (route != null && route.getConsumer() instanceof FeedConsumer feed) {
                feed.catchUp();
            }
        }
    }
}
