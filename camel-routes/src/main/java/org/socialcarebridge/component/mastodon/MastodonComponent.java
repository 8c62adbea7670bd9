package org.socialcarebridge.component.mastodon;

import java.util.List;

import org.socialcarebridge.component.feed.ChannelComponent;
import org.socialcarebridge.component.feed.ChannelEndpoint;

/**
 * Mastodon as a Camel component, scheme {@code mastodon}: {@code mastodon:mentions} reads the brand's
 * mention notifications, public mentions and direct messages alike (a scheduled poll: {@code delay},
 * {@code initialDelay} and the other scheduler options apply); {@code mastodon:post} posts statuses.
 * The calls to the instance go through {@link MastodonApi}.
 * <pre>
 * camel.addComponent("mastodon", new MastodonComponent(configuration, api));
 * from("mastodon:mentions?delay=5000").routeId("mastodon-mentions").to("direct:intake");
 * </pre>
 */
public final class MastodonComponent extends ChannelComponent<MastodonConfiguration> {
    /** Mastodon delivers direct messages as mentions with {@code direct} visibility: one feed reads both. */
    static final String MENTIONS = "mentions";

    private final MastodonApi api;

    public MastodonComponent(MastodonConfiguration configuration, MastodonApi api) {
        super("mastodon", configuration, List.of(MENTIONS));
        this.api = api;
    }

    @Override
    protected ChannelEndpoint createChannelEndpoint(String uri, String path) {
        return new MastodonEndpoint(uri, this, path);
    }

    MastodonApi api() {
        return api;
    }
}
