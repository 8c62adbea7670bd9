package org.socialcarebridge.component.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * One signed webhook, as a processor on a Jetty consumer that leaves the request unread
 * ({@link InboundRequest#OPTIONS}, {@code noStreamCaching()}): Meta's ({@link HubSignature},
 * {@link HubHandshake}) or X's ({@link XWebhookSignature}, {@link XCrcHandshake}).
 * <p>
 * GET is the network's handshake, answered by the {@link WebhookHandshake}.
 * <p>
 * POST is a delivery, checked in the order that costs a stranger the least: no signature header is 401
 * and a header that cannot be a signature 403, both before a byte of the body is read; then the body
 * is read up to its cap (413 above it, nothing kept), the HMAC of those raw bytes compared in constant
 * time (403 when it is not theirs), and only a verified delivery reaches the {@link WebhookHandler}.
 * The answer is 200 once the handler returned, i.e. once every event is durable, duplicates included;
 * 500 when it threw, so the network retries. At most {@code concurrentBodies} bodies are read at once,
 * which bounds what a flood can make the plugin hold to that many caps; a request that cannot get a
 * turn within {@code waitForTurn} is 503. A turn lasts until the handler returned, since the body is
 * held until then.
 */
public final class WebhookReceiver implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** How long a delivery waits for a body-reading turn before 503, which the network retries. */
    public static final Duration WAIT_FOR_TURN = Duration.ofSeconds(10);

    private final String name;
    private final WebhookSignatureScheme signature;
    private final WebhookHandshake handshake;
    private final int maxBodyBytes;
    private final String tooLargeFix;
    private final Semaphore turns;
    private final Duration waitForTurn;
    private final WebhookHandler handler;
    private final WebhookCounters counters;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * Meta's webhook: {@link HubSignature} with {@code appSecret}, {@link HubHandshake} with {@code verifyToken}.
     *
     * @param name             the webhook's name in answers, logs and on the health endpoint, e.g. {@code meta}
     * @param appSecret        the key of the HMAC; never logged
     * @param verifyToken      what the handshake's {@code hub.verify_token} must equal; never logged
     * @param maxBodyBytes     the largest delivery read; larger is 413
     * @param concurrentBodies how many bodies may be read (and handled) at once
     * @param waitForTurn      how long a delivery waits for one of them before 503, e.g. {@link #WAIT_FOR_TURN}
     */
    public WebhookReceiver(String name, String appSecret, String verifyToken, int maxBodyBytes, int concurrentBodies,
                           Duration waitForTurn, WebhookHandler handler, WebhookCounters counters, ObjectMapper json, Clock clock) {
        this(name, new HubSignature(appSecret), new HubHandshake(name, verifyToken, json), maxBodyBytes,
                "raise maxBodyKiB in " + MetaWebhookSettings.PID + ".cfg if Meta really sends batches this large", concurrentBodies,
                waitForTurn, handler, counters, json, clock);
    }

    /**
     * Any network's webhook: its signature scheme and its handshake; {@code tooLargeFix} ends the answer to a
     * body over the cap, saying what to do about it on that network; the rest as above.
     */
    public WebhookReceiver(String name, WebhookSignatureScheme signature, WebhookHandshake handshake, int maxBodyBytes,
                           String tooLargeFix, int concurrentBodies, Duration waitForTurn, WebhookHandler handler,
                           WebhookCounters counters, ObjectMapper json, Clock clock) {
        if (maxBodyBytes < 1 || concurrentBodies < 1) {
            throw new IllegalArgumentException("The " + name + " webhook needs a body cap and a number of concurrent bodies"
                    + " of at least 1, not " + maxBodyBytes + " and " + concurrentBodies);
        }
        this.name = name;
        this.signature = signature;
        this.handshake = handshake;
        this.maxBodyBytes = maxBodyBytes;
        this.tooLargeFix = tooLargeFix;
        this.turns = new Semaphore(concurrentBodies);
        this.waitForTurn = waitForTurn;
        this.handler = handler;
        this.counters = counters;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InboundRequest request = InboundRequest.of(exchange);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if ("GET".equals(request.method())) {
            if (handshake.answer(request, out)) {
                counters.handshakes.incrementAndGet();
                LOG.info("The {} webhook answered a handshake", name);
            } else {
                counters.handshakesRefused.incrementAndGet();
                counters.lastRefused.set(clock.instant());
            }
        } else {
            deliver(request, out);
        }
    }

    private void deliver(InboundRequest request, Message out) throws Exception {
        String header = request.header(signature.header());
        if (header == null) {
            refused(counters.unsigned, out, 401, "A delivery to the " + name + " webhook needs header " + signature.header()
                    + ": " + signature.format());
            return;
        }
        byte[] claimed = signature.claimed(header);
        if (claimed == null) {
            refused(counters.forged, out, 403, "Header " + signature.header() + " must be " + signature.format());
            return;
        }
        if (!turns.tryAcquire(waitForTurn.toMillis(), TimeUnit.MILLISECONDS)) {
            counters.busy.incrementAndGet();
            out.setHeader("Retry-After", "1");
            error(out, 503, "The " + name + " webhook is reading as many deliveries as it may at once; send it again");
            return;
        }
        try {
            byte[] body;
            try {
                body = request.bodyBytes(maxBodyBytes);
            } catch (InboundRequest.BodyTooLargeException e) {
                refused(counters.tooLarge, out, 413, e.getMessage() + "; " + tooLargeFix);
                return;
            }
            if (!signature.matches(claimed, body)) {
                refused(counters.forged, out, 403, "Header " + signature.header() + " is not the HMAC-SHA256 of this body with"
                        + " the " + name + " webhook's secret; check the secret in its settings");
                return;
            }
            hand(new WebhookDelivery(name, body, clock.instant()), out);
        } finally {
            turns.release();
        }
    }

    private void hand(WebhookDelivery delivery, Message out) throws Exception {
        WebhookReceipt receipt;
        try {
            receipt = handler.receive(delivery);
            if (receipt == null) {
                throw new IllegalStateException("the handler returned no receipt");
            }
        } catch (Exception e) {
            counters.failed.incrementAndGet();
            counters.lastFailure.set(clock.instant() + ": " + e.getMessage());
            LOG.warn("The {} webhook could not keep a delivery of {} bytes; answering 500 so it is sent again: {}", name,
                    delivery.body().length, e.toString());
            error(out, 500, "The delivery was not kept; send it again");
            return;
        }
        counters.deliveries.incrementAndGet();
        counters.events.addAndGet(receipt.fresh());
        counters.lastDelivery.set(delivery.receivedAt());
        if (receipt.allSeenBefore()) {
            counters.duplicates.incrementAndGet();
        }
        InboundRequest.answer(out, json, 200, Map.of("events", receipt.events(), "new", receipt.fresh()));
    }

    /** A refused POST: counted, answered, its sender's text never echoed. */
    private void refused(java.util.concurrent.atomic.AtomicLong counter, Message out, int status, String error) throws Exception {
        counter.incrementAndGet();
        counters.lastRefused.set(clock.instant());
        LOG.debug("The {} webhook refused a delivery with {}", name, status);
        error(out, status, error);
    }

    private void error(Message out, int status, String error) throws Exception {
        InboundRequest.answer(out, json, status, Map.of("error", error));
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + name + ", maxBodyBytes=" + maxBodyBytes + ", " + signature + ", " + handshake + "]";
    }
}
