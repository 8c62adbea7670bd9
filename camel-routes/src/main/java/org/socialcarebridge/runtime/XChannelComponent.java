package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.x.XApi;
import org.socialcarebridge.component.x.XComponent;
import org.socialcarebridge.component.x.XConfiguration;
import org.socialcarebridge.component.x.XNetworkClient;
import org.socialcarebridge.component.x.XRoutes;
import org.socialcarebridge.component.x.XSettings;
import org.socialcarebridge.component.feed.Listening;

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
        XConfiguration configuration = XConfiguration.from(x);
        XComponent component = new XComponent(configuration, new XApi(core.http(), configuration, core.json()));
        component.setListening(new Listening(Network.X, core.intake(), core.db(), core.health().channel("x"),
                core.clock()));
        core.attach("x", component, new XNetworkClient(component), new XRoutes(configuration));
    }
}
