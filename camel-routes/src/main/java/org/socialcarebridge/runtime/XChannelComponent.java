package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.routes.channel.PollRoutes;
import org.socialcarebridge.routes.x.XApi;
import org.socialcarebridge.routes.x.XChannel;
import org.socialcarebridge.routes.x.XNetworkClient;
import org.socialcarebridge.routes.x.XSettings;

/**
 * The X channel inside Karaf, from {@code etc/org.socialcarebridge.network.x.cfg}: a changed file re-activates
 * this component alone (its routes restart with the new values; the core and the other channels keep running).
 * Without the file there is no X channel.
 */
@Component(service = XChannelComponent.class, immediate = true, configurationPid = XSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class XChannelComponent {
    @Reference
    private SocialCareEngine core;

    @Activate
    void activate(Map<String, Object> properties) throws Exception {
        SocialCareRuntime.inBundle(() -> attach(core, properties));
    }

    @Deactivate
    void deactivate() {
        core.detach("x");
    }

    /** The X channel's wiring: its settings checked, its client and its listening routes attached to the core. */
    static void attach(SocialCareEngine core, Map<String, ?> values) throws Exception {
        XSettings x = core.channelSettings("x", () -> XSettings.from(values));
        if (x == null || !x.enabled()) {
            return;
        }
        XApi api = new XApi(core.http(), x, core.json());
        core.attach("x", Network.X, new XNetworkClient(api, x.brandHandle()), new PollRoutes("x", x.pollInterval(),
                XChannel.poller(api, x, core.intake(), core.db(), core.health().channel("x"), core.clock())));
    }
}
