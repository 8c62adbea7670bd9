package org.socialcarebridge.component.feed;

import java.util.stream.Collectors;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.socialcarebridge.conversation.SocialIdentity;

/**
 * A polled network's endpoint, as Camel's own polled components extend {@code ScheduledPollEndpoint}:
 * a feed ({@code x:mentions}) is read by a {@link FeedConsumer}, {@code <scheme>:post} posts. A network
 * says how to read each of its feeds, who the brand is, and how to post.
 */
public abstract class ChannelEndpoint extends ScheduledPollEndpoint {
    @UriPath(description = "One of the network's feeds to read, or post")
    private final String path;

    protected ChannelEndpoint(String uri, ChannelComponent<?> component, String path) {
        super(uri, component);
        this.path = path;
    }

    @Override
    public ChannelComponent<?> getComponent() {
        return (ChannelComponent<?>) super.getComponent();
    }

    /** A feed's path ({@code mentions}) or {@link ChannelComponent#POST}. */
    public String getPath() {
        return path;
    }

    @Override
    public final Producer createProducer() {
        ChannelComponent<?> component = getComponent();
        if (!ChannelComponent.POST.equals(path)) {
            throw new IllegalArgumentException(getEndpointUri() + " is read from, not sent to; send posts to "
                    + component.scheme() + ":" + ChannelComponent.POST);
        }
        return createPostProducer();
    }

    @Override
    public final Consumer createConsumer(Processor processor) throws Exception {
        ChannelComponent<?> component = getComponent();
        if (ChannelComponent.POST.equals(path)) {
            throw new IllegalArgumentException(component.scheme() + ":" + ChannelComponent.POST + " is sent to, not read from;"
                    + " read " + component.feeds().stream().map(f -> component.scheme() + ":" + f)
                    .collect(Collectors.joining(" or ")));
        }
        Listening listening = component.listening();
        FeedConsumer consumer = new FeedConsumer(this, processor, createFeed(path, listening), listening, this::brandAccount);
        configureConsumer(consumer);
        if (component.feeds().size() > 1) {
            consumer.setScheduler(listening.ticks()); // the network's feeds in order, on one tick
        }
        return consumer;
    }

    /** The producer of {@code <scheme>:post}. */
    protected abstract Producer createPostProducer();

    /** How one of the network's feeds is read. */
    protected abstract Feed createFeed(String path, Listening listening);

    /** Asks the network who the brand is (its token's account). */
    protected abstract SocialIdentity brandAccount();
}
