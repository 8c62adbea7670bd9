package org.socialcarebridge.component.mastodon;

import org.socialcarebridge.component.Posting;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.OutboundPost;

/**
 * The domain's port to Mastodon: posts go through {@code mastodon:post} with the reply's idempotency
 * key, so a retry after a lost answer is not a second post (and nothing needs looking up first).
 */
public final class MastodonNetworkClient implements NetworkClient {
    private final Posting posting;

    /** Posts through the component's {@code mastodon:post} producer, kept while the channel is attached. */
    public MastodonNetworkClient(MastodonComponent component) {
        this.posting = component.posting();
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        return posting.post(post, idempotencyKey);
    }
}
