package org.socialcarebridge.component.facebook;

import java.util.List;

import org.socialcarebridge.component.feed.ChannelComponent;
import org.socialcarebridge.component.feed.ChannelEndpoint;

/**
 * A Facebook Page as a Camel component, scheme {@code facebook}: {@code facebook:post} posts public
 * replies under comments, the one private reply to a comment and Messenger messages. It has no feed to
 * poll: Meta's webhook delivers comments and messages ({@link FacebookWebhookHandler}), and what it may
 * have missed is read back through {@link GraphApi} by the channel's recovery.
 * <pre>
 * camel.addComponent("facebook", new FacebookComponent(configuration, graph));
 * </pre>
 */
public final class FacebookComponent extends ChannelComponent<FacebookConfiguration> {
    public static final String SCHEME = "facebook";

    private final GraphApi api;

    public FacebookComponent(FacebookConfiguration configuration, GraphApi api) {
        super(SCHEME, configuration, List.of());
        this.api = api;
    }

    @Override
    protected ChannelEndpoint createChannelEndpoint(String uri, String path) {
        return new FacebookEndpoint(uri, this, path);
    }

    /** The Page's Graph API calls, for the network client and the channel's recovery. */
    public GraphApi api() {
        return api;
    }
}
