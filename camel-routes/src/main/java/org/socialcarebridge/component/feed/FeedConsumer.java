package org.socialcarebridge.component.feed;

import java.util.function.Supplier;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.ScheduledPollConsumer;
import org.socialcarebridge.component.SocialCareHeaders;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.channel.RateLimitedException;

/**
 * Polls one feed of a network ({@code x:mentions}, {@code x:directMessages}, {@code mastodon:mentions})
 * from its persisted cursor. Each message becomes one exchange through the route, oldest first; the
 * feed moves its cursor only past messages whose exchange went through, so a failed exchange is read
 * again next poll and nothing is skipped. An item the network's mapper cannot read goes through the
 * route too, with {@link SocialCareHeaders#READ_FAILURE}, for the route's dead-letter path.
 * <p>
 * The same for every network that is polled: what differs is the {@link Feed}. A streaming or webhook
 * consumer would hand its messages to the same route.
 */
public final class FeedConsumer extends ScheduledPollConsumer implements FeedReading.Delivery {
    /** The exchange property the intake route sets to 1 when the message was new to the ledger. */
    public static final String RECORDED = "SocialCareRecorded";

    private final Feed feed;
    private final Listening listening;
    private final Supplier<SocialIdentity> brandAccount;

    /** @param brandAccount asks the network who the brand is (its token's account) */
    public FeedConsumer(Endpoint endpoint, Processor processor, Feed feed, Listening listening,
                        Supplier<SocialIdentity> brandAccount) {
        super(endpoint, processor);
        this.feed = feed;
        this.listening = listening;
        this.brandAccount = brandAccount;
    }

    /**
     * A stream's catch-up on (re)connect: polls again while a poll still finds new messages (a feed reads at most
     * a few pages a poll), so a long gap is read whole before the stream's newer messages, at most
     * {@link #CATCH_UP_POLLS} polls. Answers how many were new.
     */
    public int catchUp() {
        int fresh = 0;
        for (int i = 0; i < CATCH_UP_POLLS; i++) {
            int found = poll();
            fresh += found;
            if (found == 0) {
                break;
            }
        }
        return fresh;
    }

    /** Enough for 20,000 mentions at Mastodon's ten pages of 40 a poll; the periodic catch-up reads the rest. */
    static final int CATCH_UP_POLLS = 50;

    /**
     * One poll; answers how many messages were new to the ledger. Never throws, not even an
     * {@link Error}: problems go to the channel status (failing on the health endpoint), logged once,
     * and the next poll comes as scheduled. Public so that a test can poll by hand
     * ({@code startScheduler=false}), and so that a stream's catch-up can poll on a reconnect; synchronized,
     * so that such a poll and the scheduled one never read and move the same cursor at once.
     */
    @Override
    public synchronized int poll() {
        if (listening.quiet()) {
            return 0;
        }
        try {
            SocialIdentity brand = listening.brand(brandAccount);
            FeedReading reading = listening.reading(this);
            feed.read(brand, reading);
            listening.succeeded(feed, reading.positions());
            return reading.fresh();
        } catch (RateLimitedException e) {
            listening.rateLimited(feed, e);
        } catch (RuntimeException e) {
            listening.failed(feed, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (Throwable e) {
            // A stack overflow has unwound by now and the thread is sound. An OutOfMemoryError is not
            // rethrown either: rethrowing ends the scheduler's thread for good (a silent stop); caught,
            // this poll's garbage is freed, the channel shows failing, and the next poll tries again.
            // A JVM that is truly out of memory is better ended by -XX:+ExitOnOutOfMemoryError.
            listening.failed(feed, e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return 0;
    }

    @Override
    public int deliver(InboundMessage message) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setHeader(SocialCareHeaders.NETWORK, listening.network());
            exchange.getMessage().setHeader(SocialCareHeaders.MESSAGE_ID, message.messageId());
            exchange.getMessage().setBody(message);
            send(exchange);
            return exchange.getProperty(RECORDED, 0, Integer.class);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    @Override
    public void unreadable(String id, String raw, Throwable cause) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setHeader(SocialCareHeaders.NETWORK, listening.network());
            exchange.getMessage().setHeader(SocialCareHeaders.MESSAGE_ID, id);
            exchange.getMessage().setHeader(SocialCareHeaders.RAW, raw);
            exchange.getMessage().setHeader(SocialCareHeaders.READ_FAILURE, cause);
            exchange.getMessage().setBody(raw);
            send(exchange);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Through the route, synchronously; a failure it did not handle stops the reading where it is. */
    private void send(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new RuntimeCamelException(failure);
        }
    }
}
