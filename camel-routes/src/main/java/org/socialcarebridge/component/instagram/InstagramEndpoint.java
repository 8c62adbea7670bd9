package org.socialcarebridge.component.instagram;

import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.socialcarebridge.component.feed.ChannelEndpoint;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.SocialIdentity;

/** {@code instagram:post} (producer); Instagram has no feed to read, its webhook delivers. */
@UriEndpoint(scheme = "instagram", title = "Instagram", syntax = "instagram:path", producerOnly = true,
        category = Category.SOCIAL)
public final class InstagramEndpoint extends ChannelEndpoint {
    InstagramEndpoint(String uri, InstagramComponent component, String path) {
        super(uri, component, path);
    }

    @Override
    public InstagramComponent getComponent() {
        return (InstagramComponent) super.getComponent();
    }

    @Override
    protected Producer createPostProducer() {
        return new InstagramProducer(this, getComponent().api(), getComponent().getConfiguration().getPageId());
    }

    /** Never called: the component lists no feed, so only {@code instagram:post} is made. */
    @Override
    protected Feed createFeed(String path, Listening listening) {
        throw new IllegalArgumentException("instagram:" + path + " is no feed: Instagram's comments and messages arrive by"
                + " Meta's webhook (/socialcare/webhooks/meta); send posts to instagram:post");
    }

    @Override
    protected SocialIdentity brandAccount() {
        throw new IllegalStateException("instagram has no feed, so no consumer asks who the brand is");
    }
}
