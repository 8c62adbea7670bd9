package org.socialcarebridge.component;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.OutboundPost;

/**
 * Posts through a network's producer ({@code x:post}, {@code mastodon:post}) for the domain's network
 * clients. The producer's exceptions come back as they were thrown (rejected, unavailable, rate
 * limited), not wrapped in Camel's, so the outbox decides on them as before.
 */
public final class Posting {
    private final Component component;
    private final String uri;

    /** Made before its component joins a CamelContext (the channel attaches both): the context is looked up per post. */
    public Posting(Component component, String uri) {
        this.component = component;
        this.uri = uri;
    }

    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        CamelContext camel = component.getCamelContext();
        if (camel == null) {
            throw new IllegalStateException(uri + ": the component is not on a CamelContext yet; attach it first");
        }
        // A template per post, closed after it: posts are few, and a channel detached and attached again
        // leaves no template behind on the context.
        Exchange answer;
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            answer = template.send(uri, exchange -> {
                exchange.getMessage().setBody(post);
                exchange.getMessage().setHeader(SocialCareHeaders.IDEMPOTENCY_KEY, idempotencyKey);
            });
        } catch (java.io.IOException e) {
            throw new RuntimeCamelException(uri + ": closing the producer template: " + e.getMessage(), e);
        }
        Exception failure = answer.getException();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new RuntimeCamelException(uri + ": " + failure.getMessage(), failure);
        }
        return answer.getMessage().getBody(PostedMessage.class);
    }
}
