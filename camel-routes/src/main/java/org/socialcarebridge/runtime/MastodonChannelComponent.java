package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.mastodon.MastodonApi;
import org.socialcarebridge.component.mastodon.MastodonChannel;
import org.socialcarebridge.component.mastodon.MastodonComponent;
import org.socialcarebridge.component.mastodon.MastodonConfiguration;
import org.socialcarebridge.component.mastodon.MastodonNetworkClient;
import org.socialcarebridge.component.mastodon.MastodonRoutes;
import org.socialcarebridge.component.mastodon.MastodonSettings;
import org.socialcarebridge.component.mastodon.MastodonStream;

/** The Mastodon channel inside Karaf, from {@code etc/org.socialcarebridge.network.mastodon.cfg}. */
@Component(service = MastodonChannelComponent.class, immediate = true, configurationPid = MastodonSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class MastodonChannelComponent extends ChannelAttachment<MastodonSettings> {
    public MastodonChannelComponent() {
        super(new MastodonChannel());
    }

    @Override
    protected MastodonSettings settings(Map<String, ?> values) {
        return MastodonSettings.from(values);
    }

    @Override
    protected boolean enabled(MastodonSettings mastodon) {
        return mastodon.enabled();
    }

    @Override
    protected Parts parts(SocialCareEngine core, MastodonSettings mastodon) {
        MastodonConfiguration configuration = MastodonConfiguration.from(mastodon);
        MastodonApi api = new MastodonApi(core.http(), configuration, core.json());
        MastodonComponent component = new MastodonComponent(configuration, api);
        component.setListening(listening(core));
        // The poll is the channel's proof of life; with the stream it runs only every catchUpInterval.
        core.health().channel(name()).checkedEvery(configuration.notificationsPollInterval());
        MastodonRoutes routes = new MastodonRoutes(configuration, catchUp -> {
            MastodonStream stream = MastodonStream.intoLedger(api, core.json(), core.intake(), configuration.isTicketQuotes(), catchUp);
            stream.showStateIn(core.health().channel(name())::stream);
            return stream;
        });
        return new Parts(component, new MastodonNetworkClient(component), routes);
    }
}
