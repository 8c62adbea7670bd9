package org.socialcarebridge.component;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;

/**
 * Posts through a network's producer ({@code x:post}, {@code mastodon:post}) for the domain's network
 * clients. The producer's exceptions come back as they were thrown (rejected, unavailable, rate
 * limited), not wrapped in Camel's, so the outbox decides on them as before.
 * <p>
 * A service of its component, started and stopped with it: a channel's attach adds the component to the
 * context (which starts it) and its detach removes it (which stops it). The endpoint is the component's
 * own, never entered in the context's endpoint registry: there it would outlive a detach, and the next
 * attach of the channel (with new settings) would post through the old component.
 */
public final class Posting extends ServiceSupport {
    private final Component component;
    private final String uri;
    private volatile Endpoint endpoint;
    private volatile Producer producer;

    /** @param uri the component's posting endpoint, e.g. {@code x:post} */
    public Posting(Component component, String uri) {
        this.component = component;
        this.uri = uri;
    }

    @Override
    protected void doStart() throws Exception {
        Endpoint made = component.createEndpoint(uri);
        Producer posts = made.createProducer();
        ServiceHelper.startService(made, posts);
        endpoint = made;
        producer = posts;
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopAndShutdownServices(producer, endpoint);
        producer = null;
        endpoint = null;
    }

    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        Producer through = producer;
        if (through == null) {
            throw new IllegalStateException(uri + ": not posted, the channel is not attached (its component is not"
                    + " started on a CamelContext); the post waits until the channel is attached again");
        }
        Exchange exchange = through.getEndpoint().createExchange();
        exchange.getMessage().setBody(post);
        exchange.getMessage().setHeader(SocialCareHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        try {
            through.process(exchange);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException(uri + ": " + e.getMessage(), e);
        }
        Exception failure = exchange.getException();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new RuntimeCamelException(uri + ": " + failure.getMessage(), failure);
        }
        return exchange.getMessage().getBody(PostedMessage.class);
    }
}
