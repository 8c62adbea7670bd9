package org.socialcarebridge.component.x;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.routes.intake.IntakeRoutes;

/**
 * What the X channel listens to: the brand's mentions and its direct messages, each a feed with its own
 * cursor, into the intake (route ids {@code x-mentions}, {@code x-direct-messages}). Replies leave
 * through the outbox, by {@code x:post}.
 */
public final class XRoutes extends RouteBuilder {
    private final XConfiguration configuration;
    private final WebhookRoutes webhook;

    public XRoutes(XConfiguration configuration) {
        this(configuration, null);
    }

    /**
     * @param webhook X's signed webhook ({@code intake = webhook}), served with the channel and gone with it;
     *                the feeds are still polled, as the catch-up of what the webhook missed (the ledger keeps each once)
     */
    public XRoutes(XConfiguration configuration, WebhookRoutes webhook) {
        this.configuration = configuration;
        this.webhook = webhook;
    }

    @Override
    public void configure() {
        // What the intake could not record stays on the exchange: the feed then reads it again next poll.
        errorHandler(noErrorHandler());
        String every = "?initialDelay=0&delay=" + configuration.getPollInterval().toMillis();
        from("x:mentions" + every).routeId("x-mentions").to(IntakeRoutes.URI);
        from("x:directMessages" + every).routeId("x-direct-messages").to(IntakeRoutes.URI);
        if (webhook != null) {
            webhook.addTo(this);
        }
    }
}
