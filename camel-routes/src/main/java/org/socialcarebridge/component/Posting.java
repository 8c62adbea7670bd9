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
    private volatile ProducerTemplate template;

    /** The client is made before its component joins a CamelContext: the template is made at the first post. */
    public Posting(Component component, String uri) {
        this.component = component;
        this.uri = uri;
    }

    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        Exchange answer = template().send(uri, exchange -> {
            exchange.getMessage().setBody(post);
            exchange.getMessage().setHeader(SocialCareHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        });
        Exception failure = answer.getException();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new RuntimeCamelException(uri + ": " + failure.getMessage(), failure);
        }
        return answer.getMessage().getBody(PostedMessage.class);
    }

    private ProducerTemplate template() {
        if (template == null) {
            CamelContext camel = component.getCamelContext();
            if (camel == null) {
                throw new IllegalStateException(uri + ": the component is not on a CamelContext yet; attach it first");
            }
            template = camel.createProducerTemplate();
        }
        return template;
    }
}
