package org.socialcarebridge.component.x;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.component.feed.Listening;

/** {@code x:mentions}, {@code x:directMessages} (consumers) or {@code x:post} (producer). */
@UriEndpoint(scheme = "x", title = "X", syntax = "x:kind", category = Category.SOCIAL)
public final class XEndpoint extends ScheduledPollEndpoint {
    /** What an endpoint reads or does. */
    public enum Kind {
        MENTIONS("mentions"), DIRECT_MESSAGES("directMessages"), POST("post");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        static Kind of(String path) {
            for (Kind k : values()) {
                if (k.path.equals(path)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("x:" + path + " is not an X endpoint; use one of " + Arrays.stream(values())
                    .map(k -> "x:" + k.path).collect(Collectors.joining(", ")));
        }
    }

    @UriPath(enums = "mentions,directMessages,post")
    private final Kind kind;

    XEndpoint(String uri, XComponent component, Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public XComponent getComponent() {
        return (XComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (kind != Kind.POST) {
            throw new IllegalArgumentException(getEndpointUri() + " is read from, not sent to; send posts to x:post");
        }
        return new XProducer(this, getComponent().api(), getComponent().getConfiguration().getBrandHandle());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        XComponent x = getComponent();
        Listening listening = x.listening();
        Feed feed = switch (kind) {
            case MENTIONS -> new XMentionsFeed(x.api(), listening::knows, x.getConfiguration().isTicketQuotes());
            case DIRECT_MESSAGES -> new XDirectMessagesFeed(x.api());
            case POST -> throw new IllegalArgumentException("x:post is sent to, not read from; read x:mentions or"
                    + " x:directMessages");
        };
        FeedConsumer consumer = new FeedConsumer(this, processor, feed, listening,
                () -> XMessages.identity(x.api().me().path("data")));
        configureConsumer(consumer);
        consumer.setScheduler(listening.ticks()); // the network's feeds in order, on one tick
        return consumer;
    }
}
