package org.socialcarebridge.routes.rt;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.routes.health.Tick;
import org.socialcarebridge.moderation.CommentModeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Agents' moderation requests (Social Moderation on a ticket), read as often as replies are reconciled. */
public final class ModerationRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationRoutes.class);

    private final CommentModeration moderation;
    private final Duration period;

    public ModerationRoutes(CommentModeration moderation, Duration period) {
        this.moderation = moderation;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:rt-moderation?delay=1000&period=" + period.toMillis())
                .routeId("rt-moderation")
                .process(Tick.of(exchange -> {
                    try {
                        moderation.readFromDesk();
                    } catch (RuntimeException e) {
                        LOG.warn("Agents' moderation requests not acted on yet (the next look retries): {}", e.getMessage());
                    }
                }));
    }
}
