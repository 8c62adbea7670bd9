package org.socialcarebridge.routes.rt;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.reply.ReplyWindows;
import org.socialcarebridge.routes.health.Tick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the tickets' Social Reply Window current, as often as replies are reconciled. */
public final class ReplyWindowRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyWindowRoutes.class);

    private final ReplyWindows windows;
    private final Duration period;

    public ReplyWindowRoutes(ReplyWindows windows, Duration period) {
        this.windows = windows;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:rt-reply-windows?delay=1000&period=" + period.toMillis())
                .routeId("rt-reply-windows")
                .process(Tick.of(exchange -> {
                    try {
                        windows.refresh(200);
                    } catch (RuntimeException e) {
                        LOG.warn("The tickets' Social Reply Window not updated yet (the next look retries): {}", e.getMessage());
                    }
                }));
    }
}
