package org.socialcarebridge.component.mastodon;

import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.socialcarebridge.component.feed.ChannelEndpoint;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.SocialIdentity;

/**
 * {@code mastodon:mentions} (consumer) or {@code mastodon:post} (producer). Mastodon delivers direct
 * messages as mentions with {@code direct} visibility, so there is no separate direct-message feed.
 */
@UriEndpoint(scheme = "mastodon", title = "Mastodon", syntax = "mastodon:path", category = Category.SOCIAL)
public final class MastodonEndpoint extends ChannelEndpoint {
    MastodonEndpoint(String uri, MastodonComponent component, String path) {
        super(uri, component, path);
    }

    @Override
    public MastodonComponent getComponent() {
        return (MastodonComponent) super.getComponent();
    }

    @Override
    protected Producer createPostProducer() {
        return new MastodonProducer(this, getComponent().api());
    }

    @Override
    protected Feed createFeed(String path, Listening listening) {
        MastodonComponent mastodon = getComponent();
        MastodonConfiguration c = mastodon.getConfiguration();
        return new MastodonMentionsFeed(mastodon.api(), listening::knows, c.isTicketQuotes(), c.getLimit());
    }

    @Override
    protected SocialIdentity brandAccount() {
        return MastodonMessages.identity(getComponent().api().me());
    }
}
