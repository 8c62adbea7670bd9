package org.socialcarebridge.component.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.component.MessageBatch;

/**
 * What a {@link WebhookHandler} made of a delivery, once all of it is durable: how many events it held
 * and how many of them were new. Meta retries a delivery it thinks failed for up to 36 hours and may
 * send one twice anyway, so a delivery of events all seen before is normal and answered 200 all the same.
 */
public record WebhookReceipt(int events, int fresh) {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceipt.class);

    /** What a channel's handler stored of a delivery, with a line when some of it was seen before. */
    public static WebhookReceipt of(MessageBatch.Stored stored, String network) {
        return of(stored, 0, 0, network);
    }

    /**
     * The same with events that are no messages (WhatsApp's delivery statuses): how many came and how many
     * were news.
     */
    public static WebhookReceipt of(MessageBatch.Stored stored, int otherEvents, int freshOthers, String network) {
        int events = stored.events() + otherEvents;
        int fresh = stored.fresh() + freshOthers;
        if (fresh < events) {
            LOG.info("A webhook delivery to {} of {} events held {} seen before (networks retry and duplicate deliveries)",
                    network, events, events - fresh);
        }
        return new WebhookReceipt(events, fresh);
    }

    public WebhookReceipt {
        if (events < 0 || fresh < 0 || fresh > events) {
            throw new IllegalArgumentException("A receipt counts events >= fresh >= 0, not events=" + events + ", fresh=" + fresh);
        }
    }

    /** Every event of the delivery was already kept: a retry or a duplicate. */
    public boolean allSeenBefore() {
        return fresh == 0 && events > 0;
    }
}
