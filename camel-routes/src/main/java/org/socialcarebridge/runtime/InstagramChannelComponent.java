package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.instagram.InstagramApi;
import org.socialcarebridge.component.instagram.InstagramChannel;
import org.socialcarebridge.component.instagram.InstagramComponent;
import org.socialcarebridge.component.instagram.InstagramConfiguration;
import org.socialcarebridge.component.instagram.InstagramNetworkClient;
import org.socialcarebridge.component.instagram.InstagramProfiles;
import org.socialcarebridge.component.instagram.InstagramRoutes;
import org.socialcarebridge.component.instagram.InstagramSettings;
import org.socialcarebridge.component.instagram.InstagramWebhookHandler;

/**
 * The Instagram channel inside Karaf, from {@code etc/org.socialcarebridge.network.instagram.cfg}: its
 * component ({@code instagram:post}), client and recovery route, and the Meta webhook's {@code instagram}
 * deliveries (comments, mentions, direct messages), which it takes while attached. The webhook itself is the
 * Meta app's ({@link MetaWebhookComponent}).
 */
@Component(service = InstagramChannelComponent.class, immediate = true, configurationPid = InstagramSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class InstagramChannelComponent extends ChannelAttachment<InstagramSettings> {
    public InstagramChannelComponent() {
        super(new InstagramChannel());
    }

    @Override
    protected InstagramSettings settings(Map<String, ?> values) {
        return InstagramSettings.from(values);
    }

    @Override
    protected boolean enabled(InstagramSettings instagram) {
        return instagram.enabled();
    }

    @Override
    protected Parts parts(SocialCareEngine core, InstagramSettings instagram) {
        InstagramConfiguration configuration = InstagramConfiguration.from(instagram);
        InstagramApi api = new InstagramApi(core.http(), configuration, core.json());
        InstagramComponent component = new InstagramComponent(configuration, api);
        InstagramRoutes routes = new InstagramRoutes(configuration, api, core.intake(), core.db(),
                core.health().channel(name()), core.clock());
        return new Parts(component, new InstagramNetworkClient(component), routes,
                Map.of(InstagramWebhookHandler.OBJECT, new InstagramWebhookHandler(core.intake(),
                        configuration.getAccountId(), api, new InstagramProfiles(api))));
    }
}
