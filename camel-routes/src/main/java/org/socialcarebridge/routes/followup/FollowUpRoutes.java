package org.socialcarebridge.routes.followup;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.followup.FollowUps;
import org.socialcarebridge.routes.health.Tick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up route set: read agents' resolutions from the help desk as often as replies are
 * reconciled, send the closing replies, surveys and check-ins that are due, and show on each ticket
 * what became of them.
 */
public final class FollowUpRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpRoutes.class);

    private final FollowUps followUps;
    private final Duration readInterval;

    /** @param readInterval how often the help desk's status changes are read (the reconcile interval) */
    public FollowUpRoutes(FollowUps followUps, Duration readInterval) {
        this.followUps = followUps;
        this.readInterval = readInterval;
    }

    @Override
    public void configure() {
        from("timer:followup-resolutions?delay=1500&period=" + readInterval.toMillis())
                .routeId("followup-resolutions")
                .process(Tick.of(exchange -> {
                    try {
                        followUps.readResolutions();
                    } catch (RuntimeException e) {
                        LOG.warn("Resolutions not read from the help desk yet (the next look retries): {}", e.getMessage());
                    }
                }));

        from("timer:followup-send?delay=2000&period=1000")
                .routeId("followup-send")
                .process(Tick.of(exchange -> {
                    try {
                        followUps.sendDue(20);
                    } catch (RuntimeException e) {
                        LOG.warn("Follow-ups not sent yet (the next pass retries): {}", e.getMessage());
                    }
                    followUps.writeBack(50);
                }));
    }
}
