package org.socialcarebridge.component.mastodon;

import java.util.function.Function;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.component.feed.StreamingPolicy;
import org.socialcarebridge.routes.intake.IntakeRoutes;

/**
 * What the Mastodon channel listens to: the brand account's mention notifications, into the intake
 * (route id {@code mastodon-mentions}). Replies leave through the outbox, by {@code mastodon:post}. With
 * {@code intake = stream} the notifications come by the streaming API while the route runs, and the route's
 * poll only catches up: every {@code catchUpInterval}, and on every (re)connect of the stream.
 */
public final class MastodonRoutes extends RouteBuilder {
    public static final String MENTIONS = "mastodon-mentions";

    private final MastodonConfiguration configuration;
    private final Function<Runnable, MastodonStream> streams;

    /** Polls only. */
    public MastodonRoutes(MastodonConfiguration configuration) {
        this(configuration, null);
    }

    /** @param streams opens the stream, given its catch-up (the route's poll); used when {@code intake = stream} */
    public MastodonRoutes(MastodonConfiguration configuration, Function<Runnable, MastodonStream> streams) {
        this.configuration = configuration;
        this.streams = streams;
        if (configuration.isStream() && streams == null) {
            throw new IllegalArgumentException("intake = stream needs the stream: use MastodonRoutes(configuration, streams)");
        }
    }

    @Override
    public void configure() {
        // What the intake could not record stays on the exchange: the feed then reads it again next poll.
        errorHandler(noErrorHandler());
        long period = configuration.notificationsPollInterval().toMillis();
        // A stream catches up as soon as it connects: the first poll can wait for its period then.
        var route = from("mastodon:mentions?initialDelay=" + (configuration.isStream() ? period : 0) + "&delay=" + period)
                .routeId(MENTIONS);
        if (configuration.isStream()) {
            // The stream runs while the route runs, catching up by the route's own poll.
            route.routePolicy(new StreamingPolicy(r -> streams.apply(((FeedConsumer) r.getConsumer())::catchUp)));
        }
        route.to(IntakeRoutes.URI);
    }
}
