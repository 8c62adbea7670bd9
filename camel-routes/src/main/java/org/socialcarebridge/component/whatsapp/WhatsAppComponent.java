package org.socialcarebridge.component.whatsapp;

import java.util.List;

import org.socialcarebridge.component.feed.ChannelComponent;
import org.socialcarebridge.component.feed.ChannelEndpoint;

/**
 * A WhatsApp Business number as a Camel component, scheme {@code whatsapp}: {@code whatsapp:post} sends an
 * agent's reply as free text or as an approved template. It has no feed to poll: Meta's webhook delivers
 * customers' messages and statuses ({@link WhatsAppWebhookHandler}). The component holds what the producer
 * and the webhook share: the {@link CloudApi}, the approved templates as last synced and each customer's
 * newest message.
 * <pre>
 * camel.addComponent("whatsapp", new WhatsAppComponent(configuration, api, templates));
 * </pre>
 */
public final class WhatsAppComponent extends ChannelComponent<WhatsAppConfiguration> {
    public static final String SCHEME = "whatsapp";

    private final CloudApi api;
    private final ApprovedTemplates templates;
    private final LatestMessages latest = new LatestMessages();

    public WhatsAppComponent(WhatsAppConfiguration configuration, CloudApi api, ApprovedTemplates templates) {
        super(SCHEME, configuration, List.of());
        this.api = api;
        this.templates = templates;
    }

    @Override
    protected ChannelEndpoint createChannelEndpoint(String uri, String path) {
        return new WhatsAppEndpoint(uri, this, path);
    }

    public CloudApi api() {
        return api;
    }

    /** The approved templates as last synced, for the producer and the sync route. */
    public ApprovedTemplates templates() {
        return templates;
    }

    LatestMessages latestMessages() {
        return latest;
    }
}
