package org.socialcarebridge.component.facebook;

import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.socialcarebridge.component.feed.ChannelEndpoint;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.SocialIdentity;

/** {@code facebook:post} (producer); Facebook has no feed to read, its webhook delivers. */
@UriEndpoint(scheme = "facebook", title = "Facebook", syntax = "facebook:path", producerOnly = true, category = Category.SOCIAL)
public final class FacebookEndpoint extends ChannelEndpoint {
    FacebookEndpoint(String uri, FacebookComponent component, String path) {
        super(uri, component, path);
    }

    @Override
    public FacebookComponent getComponent() {
        return (FacebookComponent) super.getComponent();
    }

    @Override
    protected Producer createPostProducer() {
        return new FacebookProducer(this, getComponent().api(), getComponent().getConfiguration().getPageId());
    }

    /** Never called: the component lists no feed, so only {@code facebook:post} is made. */
    @Override
    protected Feed createFeed(String path, Listening listening) {
        throw new IllegalArgumentException("facebook:" + path + " is no feed: Facebook's comments and messages arrive by"
                + " Meta's webhook (/socialcare/webhooks/meta); send posts to facebook:post");
    }

    @Override
    protected SocialIdentity brandAccount() {
        throw new IllegalStateException("facebook has no feed, so no consumer asks who the brand is");
    }
}
