package org.socialcarebridge.component;

import org.apache.camel.CamelContext;
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
    private final ProducerTemplate template;
    private final String uri;

    public Posting(CamelContext camel, String uri) {
        this.template = camel.createProducerTemplate();
        this.uri = uri;
    }

    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        Exchange answer = template.send(uri, exchange -> {
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
}
