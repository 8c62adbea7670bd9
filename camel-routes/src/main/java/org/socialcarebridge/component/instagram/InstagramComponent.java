package org.socialcarebridge.component.instagram;

import java.util.List;

import org.socialcarebridge.component.feed.ChannelComponent;
import org.socialcarebridge.component.feed.ChannelEndpoint;

/**
 * An Instagram professional account as a Camel component, scheme {@code instagram}: {@code instagram:post}
 * posts public replies to comments and mentions, the one private reply to a comment and direct messages.
 * It has no feed to poll: Meta's webhook delivers ({@link InstagramWebhookHandler}), and what it may have
 * missed is read back by the channel's recovery ({@link InstagramRecovery}).
 */
public final class InstagramComponent extends ChannelComponent<InstagramConfiguration> {
    public static final String SCHEME = "instagram";

    private final InstagramApi api;

    public InstagramComponent(InstagramConfiguration configuration, InstagramApi api) {
        super(SCHEME, configuration, List.of());
        this.api = api;
    }

    @Override
    protected ChannelEndpoint createChannelEndpoint(String uri, String path) {
        return new InstagramEndpoint(uri, this, path);
    }

    /** The account's Graph API calls, for the network client and the recovery. */
    public InstagramApi api() {
        return api;
    }
}
