package org.socialcarebridge.component.whatsapp;

import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.socialcarebridge.component.feed.ChannelEndpoint;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.SocialIdentity;

/** {@code whatsapp:post} (producer); WhatsApp has no feed to read, its webhook delivers. */
@UriEndpoint(scheme = "whatsapp", title = "WhatsApp", syntax = "whatsapp:path", producerOnly = true, category = Category.SOCIAL)
public final class WhatsAppEndpoint extends ChannelEndpoint {
    WhatsAppEndpoint(String uri, WhatsAppComponent component, String path) {
        super(uri, component, path);
    }

    @Override
    public WhatsAppComponent getComponent() {
        return (WhatsAppComponent) super.getComponent();
    }

    @Override
    protected Producer createPostProducer() {
        WhatsAppComponent c = getComponent();
        return new WhatsAppProducer(this, c.api(), c.templates(), c.latestMessages());
    }

    /** Never called: the component lists no feed, so only {@code whatsapp:post} is made. */
    @Override
    protected Feed createFeed(String path, Listening listening) {
        throw new IllegalArgumentException("whatsapp:" + path + " is no feed: WhatsApp messages arrive by Meta's webhook"
                + " (/socialcare/webhooks/meta); send replies to whatsapp:post");
    }

    @Override
    protected SocialIdentity brandAccount() {
        throw new IllegalStateException("whatsapp has no feed, so no consumer asks who the brand is");
    }
}
