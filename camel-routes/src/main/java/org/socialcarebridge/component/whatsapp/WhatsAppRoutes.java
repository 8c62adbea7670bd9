package org.socialcarebridge.component.whatsapp;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.routes.health.Tick;

/**
 * The WhatsApp channel's own route, attached and detached with it: {@code whatsapp-templates} reads the
 * approved templates at once when the channel attaches and then every
 * {@link WhatsAppConfiguration#getTemplateSyncInterval()} ({@link ApprovedTemplates#sync}). Messages and
 * statuses arrive by Meta's webhook; replies leave through the outbox by {@code whatsapp:post}.
 */
public final class WhatsAppRoutes extends RouteBuilder {
    private final WhatsAppConfiguration configuration;
    private final ApprovedTemplates templates;

    public WhatsAppRoutes(WhatsAppConfiguration configuration, ApprovedTemplates templates) {
        this.configuration = configuration;
        this.templates = templates;
    }

    @Override
    public void configure() {
        // A failed sync is reported on the channel's health line and tried at the next tick.
        errorHandler(noErrorHandler());
        from("timer:whatsapp-templates?delay=0&period=" + configuration.getTemplateSyncInterval().toMillis())
                .routeId("whatsapp-templates").process(Tick.of(exchange -> templates.sync()));
    }
}
