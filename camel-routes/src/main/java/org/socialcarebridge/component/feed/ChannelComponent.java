package org.socialcarebridge.component.feed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.socialcarebridge.component.Posting;

/**
 * What every polled network's Camel component shares, as Camel's own components share
 * {@code DefaultComponent}: endpoints from the path ({@code <scheme>:<feed>} to read, {@code <scheme>:post}
 * to post), the consumers' {@link Listening}, and the {@link Posting} the network client posts through,
 * started when the component joins a context (the channel attaches) and stopped when it leaves. A
 * network adds its API service and a {@link ChannelEndpoint} subclass.
 *
 * @param <C> the network's configuration
 */
public abstract class ChannelComponent<C extends ChannelConfiguration> extends DefaultComponent {
    /** The path of the endpoint that posts. */
    public static final String POST = "post";

    private final String scheme;
    private final C configuration;
    private final List<String> feeds;
    private final Posting posting;
    private Listening listening;

    /** @param feeds the paths of the network's feeds, in the order one poll reads them */
    protected ChannelComponent(String scheme, C configuration, List<String> feeds) {
        this.scheme = scheme;
        this.configuration = configuration;
        this.feeds = List.copyOf(feeds);
        this.posting = new Posting(this, scheme + ":" + POST);
    }

    @Override
    protected final Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!POST.equals(remaining) && !feeds.contains(remaining)) {
            throw new IllegalArgumentException(scheme + ":" + remaining + " is not an endpoint of " + scheme + "; use one of "
                    + Stream.concat(feeds.stream(), Stream.of(POST)).map(p -> scheme + ":" + p).collect(Collectors.joining(", ")));
        }
        ChannelEndpoint endpoint = createChannelEndpoint(uri, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The network's endpoint for a path already checked: one of its feeds, or {@link #POST}. */
    protected abstract ChannelEndpoint createChannelEndpoint(String uri, String path);

    public C getConfiguration() {
        return configuration;
    }

    /** The scheme the network's endpoints are named by, e.g. {@code x}. */
    public String scheme() {
        return scheme;
    }

    /** The paths of the network's feeds, in the order one poll reads them. */
    public List<String> feeds() {
        return feeds;
    }

    /** What the consumers share and record into; set before a route reads a feed (posting needs none). */
    public void setListening(Listening listening) {
        this.listening = listening;
    }

    Listening listening() {
        if (listening == null) {
            throw new IllegalStateException("The " + scheme + " component reads no feed until it is given a Listening ("
                    + getClass().getSimpleName() + ".setListening); only " + scheme + ":" + POST + " works without one");
        }
        return listening;
    }

    /** How the network client posts: through this component's producer, while the component is started. */
    public Posting posting() {
        return posting;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(posting);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(posting);
        super.doStop();
    }
}
