package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.whatsapp.ApprovedTemplates;
import org.socialcarebridge.component.whatsapp.CloudApi;
import org.socialcarebridge.component.whatsapp.WhatsAppChannel;
import org.socialcarebridge.component.whatsapp.WhatsAppComponent;
import org.socialcarebridge.component.whatsapp.WhatsAppConfiguration;
import org.socialcarebridge.component.whatsapp.WhatsAppNetworkClient;
import org.socialcarebridge.component.whatsapp.WhatsAppRoutes;
import org.socialcarebridge.component.whatsapp.WhatsAppSettings;
import org.socialcarebridge.component.whatsapp.WhatsAppWebhookHandler;
import org.socialcarebridge.health.ChannelStatus;

/**
 * The WhatsApp channel inside Karaf, from {@code etc/org.socialcarebridge.network.whatsapp.cfg}: its
 * component ({@code whatsapp:post}), client and template sync, and the Meta webhook's
 * {@code whatsapp_business_account} deliveries (messages and statuses), which it takes while attached. The
 * webhook itself is the Meta app's ({@link MetaWebhookComponent}).
 */
@Component(service = WhatsAppChannelComponent.class, immediate = true, configurationPid = WhatsAppSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class WhatsAppChannelComponent extends ChannelAttachment<WhatsAppSettings> {
    public WhatsAppChannelComponent() {
        super(new WhatsAppChannel());
    }

    @Override
    protected WhatsAppSettings settings(Map<String, ?> values) {
        return WhatsAppSettings.from(values);
    }

    @Override
    protected boolean enabled(WhatsAppSettings whatsapp) {
        return whatsapp.enabled();
    }

    @Override
    protected Parts parts(SocialCareEngine core, WhatsAppSettings whatsapp) {
        WhatsAppConfiguration configuration = WhatsAppConfiguration.from(whatsapp);
        CloudApi api = new CloudApi(core.http(), configuration, core.json(), core.clock());
        // The template sync is the check that WhatsApp answers: it reports on the channel's own health line.
        ChannelStatus status = core.health().channel(name());
        status.checkedEvery(configuration.getTemplateSyncInterval());
        ApprovedTemplates templates = new ApprovedTemplates(api, core.templateChoices(), status, core.clock());
        WhatsAppComponent component = new WhatsAppComponent(configuration, api, templates);
        return new Parts(component, new WhatsAppNetworkClient(component), new WhatsAppRoutes(configuration, templates),
                Map.of(WhatsAppWebhookHandler.OBJECT, new WhatsAppWebhookHandler(core.intake(), core.receipts(), component)));
    }
}
