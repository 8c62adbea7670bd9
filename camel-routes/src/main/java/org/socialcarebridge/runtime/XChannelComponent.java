package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.component.x.XApi;
import org.socialcarebridge.component.x.XChannel;
import org.socialcarebridge.component.x.XComponent;
import org.socialcarebridge.component.x.XConfiguration;
import org.socialcarebridge.component.x.XNetworkClient;
import org.socialcarebridge.component.x.XRoutes;
import org.socialcarebridge.component.x.XSettings;
import org.socialcarebridge.component.x.XWebhookHandler;

/** The X channel inside Karaf, from {@code etc/org.socialcarebridge.network.x.cfg}. */
@Component(service = XChannelComponent.class, immediate = true, configurationPid = XSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class XChannelComponent extends ChannelAttachment<XSettings> {
    /** One X Activity event is a post or a DM with its users: a few KiB; X does not batch. */
    static final int X_MAX_BODY_BYTES = 256 * 1024;
    static final int X_CONCURRENT_BODIES = 16;

    public XChannelComponent() {
        super(new XChannel());
    }

    @Override
    protected XSettings settings(Map<String, ?> values) {
        return XSettings.from(values);
    }

    @Override
    protected boolean enabled(XSettings x) {
        return x.enabled();
    }

    @Override
    protected Parts parts(SocialCareEngine core, XSettings x) {
        XConfiguration configuration = XConfiguration.from(x);
        XComponent component = new XComponent(configuration, new XApi(core.http(), configuration, core.json()));
        component.setListening(listening(core));
        XNetworkClient client = new XNetworkClient(component);
        WebhookRoutes webhook = null;
        if (x.intake() == XSettings.IntakeMode.WEBHOOK) {
            XWebhookHandler handler = new XWebhookHandler(core.intake(), client::brandId, configuration.isTicketQuotes(),
                    core.json());
            webhook = WebhookRoutes.x(core.baseUri(), x.consumerSecret(), X_MAX_BODY_BYTES, X_CONCURRENT_BODIES, handler,
                    core.health(), core.json(), core.clock());
        }
        return new Parts(component, client, new XRoutes(configuration, webhook));
    }
}
