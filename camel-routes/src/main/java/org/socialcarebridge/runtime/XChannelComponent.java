package org.socialcarebridge.runtime;

import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.component.x.XApi;
import org.socialcarebridge.component.x.XChannel;
import org.socialcarebridge.component.x.XComponent;
import org.socialcarebridge.component.x.XConfiguration;
import org.socialcarebridge.component.x.XNetworkClient;
import org.socialcarebridge.component.x.XRoutes;
import org.socialcarebridge.component.x.XSettings;
import org.socialcarebridge.component.x.XStream;
import org.socialcarebridge.component.x.XSubscriptions;
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
        XApi api = new XApi(core.http(), configuration, core.json());
        XComponent component = new XComponent(configuration, api);
        component.setListening(listening(core));
        XNetworkClient client = new XNetworkClient(component);
        // The feeds' poll is the channel's proof of life; with real time it runs only every catchUpInterval.
        core.health().channel(name()).checkedEvery(configuration.feedInterval());
        if (x.intake() == XSettings.IntakeMode.POLL) {
            return new Parts(component, client, new XRoutes(configuration));
        }
        XWebhookHandler events = new XWebhookHandler(core.intake(), api, client::brandId, configuration.isTicketQuotes(),
                core.json());
        ChannelStatus status = core.health().channel(name());
        WebhookRoutes webhook = null;
        XSubscriptions subscriptions = null;
        Function<Runnable, XStream> streams = null;
        if (x.intake() == XSettings.IntakeMode.WEBHOOK) {
            webhook = WebhookRoutes.x(core.baseUri(), x.consumerSecret(), X_MAX_BODY_BYTES, X_CONCURRENT_BODIES, events,
                    core.health(), core.json(), core.clock());
            // Without a publicUrl someone registered the webhook by hand: the route only serves it.
            if (x.publicUrl() != null) {
                subscriptions = new XSubscriptions(api, x.publicUrl(), client::brandId, status, core.clock());
            }
        } else {
            subscriptions = new XSubscriptions(api, null, client::brandId, status, core.clock());
            streams = catchUp -> {
                XStream stream = XStream.intoLedger(api, events, core.clock(), catchUp);
                stream.showStateIn(status::stream);
                return stream;
            };
        }
        return new Parts(component, client, new XRoutes(configuration, webhook, subscriptions, streams));
    }
}
