package org.socialcarebridge.component.instagram;

import java.time.Clock;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.routes.health.Tick;

/**
 * The Instagram channel's own routes, attached and detached with it: {@code instagram-recovery}
 * ({@link InstagramRecovery}), at once when the channel attaches and every
 * {@link InstagramConfiguration#getRecoveryInterval()}. Comments and messages arrive by Meta's webhook
 * ({@link InstagramWebhookHandler}); replies leave through the outbox by {@code instagram:post}.
 */
public final class InstagramRoutes extends RouteBuilder {
    private final InstagramConfiguration configuration;
    private final InstagramRecovery recovery;
    private final ChannelStatus status;
    private final Clock clock;

    /**
     * @param status the channel's health line: a webhook channel has no poll of its own, so the recovery's runs
     *               (each reading the Graph API with the channel's token) say whether it is running
     */
    public InstagramRoutes(InstagramConfiguration configuration, InstagramApi api, Intake intake, Database db,
                           ChannelStatus status, Clock clock) {
        this.configuration = configuration;
        this.recovery = new InstagramRecovery(api, intake, db, configuration.getAccountId(),
                configuration.getRecoveryLookBack(), InstagramRecovery.PAGES_PER_RUN, clock);
        this.status = status;
        this.clock = clock;
        status.checkedEvery(configuration.getRecoveryInterval());
    }

    @Override
    public void configure() {
        // A failed run is reported on its heartbeat and tried at the next tick.
        errorHandler(noErrorHandler());
        from("timer:instagram-recovery?delay=0&period=" + configuration.getRecoveryInterval().toMillis())
                .routeId("instagram-recovery").process(Tick.of(exchange -> {
                    try {
                        recovery.run();
                    } catch (RuntimeException e) {
                        status.failed(clock.instant(), "reading back what the webhook may have missed: " + e.getMessage());
                        throw e;
                    }
                    status.succeeded(clock.instant(), null);
                }));
    }
}
