package org.socialcarebridge.component.mastodon;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.component.feed.Listening;

/**
 * {@code mastodon:mentions} (consumer) or {@code mastodon:post} (producer). Mastodon delivers direct
 * messages as mentions with {@code direct} visibility, so there is no separate direct-message feed.
 */
@UriEndpoint(scheme = "mastodon", title = "Mastodon", syntax = "mastodon:kind", category = Category.SOCIAL)
public final class MastodonEndpoint extends ScheduledPollEndpoint {
    /** What an endpoint reads or does. */
    public enum Kind {
        MENTIONS("mentions"), POST("post");

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
            throw new IllegalArgumentException("mastodon:" + path + " is not a Mastodon endpoint; use one of "
                    + Arrays.stream(values()).map(k -> "mastodon:" + k.path).collect(Collectors.joining(", ")));
        }
    }

    @UriPath(enums = "mentions,post")
    private final Kind kind;

    MastodonEndpoint(String uri, MastodonComponent component, Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public MastodonComponent getComponent() {
        return (MastodonComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (kind != Kind.POST) {
            throw new IllegalArgumentException(getEndpointUri() + " is read from, not sent to; send posts to mastodon:post");
        }
        return new MastodonProducer(this, getComponent().api());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (kind != Kind.MENTIONS) {
            throw new IllegalArgumentException(getEndpointUri() + " is sent to, not read from; read mastodon:mentions");
        }
        MastodonComponent mastodon = getComponent();
        Listening listening = mastodon.listening();
        MastodonConfiguration c = mastodon.getConfiguration();
        FeedConsumer consumer = new FeedConsumer(this, processor,
                new MastodonMentionsFeed(mastodon.api(), listening::knows, c.isTicketQuotes(), c.getLimit()), listening,
                () -> MastodonMessages.identity(mastodon.api().me()));
        configureConsumer(consumer);
        return consumer;
    }
}
