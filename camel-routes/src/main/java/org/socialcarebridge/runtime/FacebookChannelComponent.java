package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.facebook.FacebookChannel;
import org.socialcarebridge.component.facebook.FacebookComponent;
import org.socialcarebridge.component.facebook.FacebookConfiguration;
import org.socialcarebridge.component.facebook.FacebookNetworkClient;
import org.socialcarebridge.component.facebook.FacebookRoutes;
import org.socialcarebridge.component.facebook.FacebookSettings;
import org.socialcarebridge.component.facebook.FacebookWebhookHandler;
import org.socialcarebridge.component.facebook.GraphApi;
import org.socialcarebridge.component.facebook.MessageContext;

/**
 * The Facebook channel inside Karaf, from {@code etc/org.socialcarebridge.network.facebook.cfg}: its
 * component ({@code facebook:post}), client and routes, and the Meta webhook's {@code page} deliveries
 * (comments and Messenger), which it takes while attached. The webhook itself is the Meta app's
 * ({@link MetaWebhookComponent}).
 */
@Component(service = FacebookChannelComponent.class, immediate = true, configurationPid = FacebookSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class FacebookChannelComponent extends ChannelAttachment<FacebookSettings> {
    public FacebookChannelComponent() {
        super(new FacebookChannel());
    }

    @Override
    protected FacebookSettings settings(Map<String, ?> values) {
        return FacebookSettings.from(values);
    }

    @Override
    protected boolean enabled(FacebookSettings facebook) {
        return facebook.enabled();
    }

    @Override
    protected Parts parts(SocialCareEngine core, FacebookSettings facebook) {
        FacebookConfiguration configuration = FacebookConfiguration.from(facebook);
        GraphApi graph = new GraphApi(core.http(), configuration, core.json());
        FacebookComponent component = new FacebookComponent(configuration, graph);
        // The recovery and the subscription check report on the channel's own health line.
        FacebookRoutes routes = new FacebookRoutes(configuration, graph, core.intake(), core.db(),
                core.health().channel(name()), core.clock());
        return new Parts(component, new FacebookNetworkClient(component), routes,
                Map.of(FacebookWebhookHandler.OBJECT, new FacebookWebhookHandler(core.intake(), configuration.getPageId(),
                        new MessageContext(graph))));
    }
}
