package org.socialcarebridge.component.x;

import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.socialcarebridge.component.feed.ChannelEndpoint;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.SocialIdentity;

/** {@code x:mentions}, {@code x:directMessages} (consumers) or {@code x:post} (producer). */
@UriEndpoint(scheme = "x", title = "X", syntax = "x:path", category = Category.SOCIAL)
public final class XEndpoint extends ChannelEndpoint {
    XEndpoint(String uri, XComponent component, String path) {
        super(uri, component, path);
    }

    @Override
    public XComponent getComponent() {
        return (XComponent) super.getComponent();
    }

    @Override
    protected Producer createPostProducer() {
        return new XProducer(this, getComponent().api(), getComponent().getConfiguration().getBrandHandle());
    }

    @Override
    protected Feed createFeed(String path, Listening listening) {
        XComponent x = getComponent();
        return XComponent.MENTIONS.equals(path)
                ? new XMentionsFeed(x.api(), listening::knows, x.getConfiguration().isTicketQuotes())
                : new XDirectMessagesFeed(x.api());
    }

    @Override
    protected SocialIdentity brandAccount() {
        return XMessages.identity(getComponent().api().me().path("data"));
    }
}
