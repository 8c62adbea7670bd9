package org.socialcarebridge.component.feed;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.component.SocialCareHeaders;

/**
 * {@code <scheme>:post}: posts the body, an {@link OutboundPost}, with the
 * {@link SocialCareHeaders#IDEMPOTENCY_KEY} where the network takes one, and answers the
 * {@link PostedMessage}. The network's refusals are the domain's exceptions (rejected, unavailable,
 * rate limited), thrown as they are.
 */
public abstract class ChannelProducer extends DefaultProducer {
    protected ChannelProducer(Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public final void process(Exchange exchange) throws Exception {
        OutboundPost post = exchange.getMessage().getMandatoryBody(OutboundPost.class);
        String idempotencyKey = exchange.getMessage().getHeader(SocialCareHeaders.IDEMPOTENCY_KEY, String.class);
        exchange.getMessage().setBody(post(post, idempotencyKey));
    }

    /** @param idempotencyKey what makes a repeated post the same post; null when none was given */
    protected abstract PostedMessage post(OutboundPost post, String idempotencyKey);
}
