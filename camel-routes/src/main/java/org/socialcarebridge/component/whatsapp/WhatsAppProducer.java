package org.socialcarebridge.component.whatsapp;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.feed.ChannelProducer;

/**
 * {@code whatsapp:post}: sends an agent's reply to the customer's number, as free text, or, when the post
 * names a {@linkplain OutboundPost#template() template}, as that approved template with its placeholders
 * filled from the reply's text ({@link MessageTemplate#parametersFrom}). A template that is not approved or
 * values that do not fit are refused before anything is sent. After the send the customer's newest message
 * is marked read, a courtesy whose failure never holds the reply back. Whether free text may go now (the
 * 24-hour window) is the domain's decision, made before. The Cloud API takes no idempotency key: the header
 * is ignored.
 */
final class WhatsAppProducer extends ChannelProducer {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppProducer.class);

    private final CloudApi api;
    private final ApprovedTemplates templates;
    private final LatestMessages latest;

    WhatsAppProducer(WhatsAppEndpoint endpoint, CloudApi api, ApprovedTemplates templates, LatestMessages latest) {
        super(endpoint);
        this.api = api;
        this.templates = templates;
        this.latest = latest;
    }

    @Override
    protected PostedMessage post(OutboundPost post, String idempotencyKey) {
        String waId = post.recipientAccountId();
        if (post.visibility() == ReplyVisibility.PUBLIC || waId == null || waId.isBlank()) {
            throw new PostRejectedException("WhatsApp has no public replies: a reply goes privately to the customer's"
                    + " number, and this one names none; answer the ticket with a private reply");
        }
        String wamid;
        if (post.template() != null) {
            MessageTemplate template = templates.named(post.template());
            List<String> parameters;
            try {
                parameters = template.parametersFrom(post.text());
            } catch (IllegalArgumentException e) {
                throw new PostRejectedException(e.getMessage());
            }
            wamid = api.sendTemplate(waId, template, parameters);
        } else {
            wamid = api.sendText(waId, post.text());
        }
        markRead(waId);
        // A WhatsApp message has no web address: the outbox shows its wamid.
        return new PostedMessage(wamid, null);
    }

    /** The read receipt is a courtesy: a failure of it never holds back the answer, which is sent already. */
    private void markRead(String waId) {
        latest.of(waId).ifPresent(wamid -> {
            try {
                api.markRead(wamid);
            } catch (RuntimeException e) {
                LOG.warn("WhatsApp: could not mark {}'s message {} read after answering; the answer is sent: {}", waId,
                        wamid, e.getMessage());
            }
        });
    }
}
