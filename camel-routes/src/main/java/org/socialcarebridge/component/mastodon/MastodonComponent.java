package org.socialcarebridge.component.mastodon;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.socialcarebridge.component.feed.Listening;

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
public final class MastodonComponent extends DefaultComponent {
    private final MastodonConfiguration configuration;
    private final MastodonApi api;
    private Listening listening;

    public MastodonComponent(MastodonConfiguration configuration, MastodonApi api) {
        this.configuration = configuration;
        this.api = api;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MastodonEndpoint endpoint = new MastodonEndpoint(uri, this, MastodonEndpoint.Kind.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public MastodonConfiguration getConfiguration() {
        return configuration;
    }

    MastodonApi api() {
        return api;
    }

    /** What the consumer shares and records into; set before a route reads the feed (posting needs none). */
    public void setListening(Listening listening) {
        this.listening = listening;
    }

    Listening listening() {
        if (listening == null) {
            throw new IllegalStateException("The mastodon component reads no feed until it is given a Listening"
                    + " (MastodonComponent.setListening); only mastodon:post works without one");
        }
        return listening;
    }
}
