package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.mastodon.MastodonApi;
import org.socialcarebridge.component.mastodon.MastodonComponent;
import org.socialcarebridge.component.mastodon.MastodonConfiguration;
import org.socialcarebridge.component.mastodon.MastodonNetworkClient;
import org.socialcarebridge.component.mastodon.MastodonRoutes;
import org.socialcarebridge.component.mastodon.MastodonSettings;
import org.socialcarebridge.component.feed.Listening;

/**
 * The Mastodon channel inside Karaf, from {@code etc/org.socialcarebridge.network.mastodon.cfg}: a changed file
 * re-activates this component alone. Without the file there is no Mastodon channel.
 */
@Component(service = MastodonChannelComponent.class, immediate = true, configurationPid = MastodonSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class MastodonChannelComponent {
    @Reference
    private SocialCareEngine core;

    @Activate
    void activate(Map<String, Object> properties) throws Exception {
        SocialCareRuntime.inBundle(() -> attach(core, properties));
    }

    @Deactivate
    void deactivate() {
        core.detach("mastodon");
    }

    /** The Mastodon channel's wiring: its settings checked, its client and its listening routes attached to the core. */
    static void attach(SocialCareEngine core, Map<String, ?> values) throws Exception {
        MastodonSettings mastodon = core.channelSettings("mastodon", () -> MastodonSettings.from(values));
        if (mastodon == null || !mastodon.enabled()) {
            return;
        }
        MastodonConfiguration configuration = MastodonConfiguration.from(mastodon);
        MastodonComponent component = new MastodonComponent(configuration, new MastodonApi(core.http(), configuration, core.json()));
        component.setListening(new Listening(Network.MASTODON, core.intake(), core.db(), core.health().channel("mastodon"),
                core.clock()));
        core.attach("mastodon", component, new MastodonNetworkClient(component), new MastodonRoutes(configuration));
    }
}
