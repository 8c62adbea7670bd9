package org.socialcarebridge.component.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * One signed webhook in the {@code hub.*} style Meta uses, as a processor on a Jetty consumer that
 * leaves the request unread ({@link InboundRequest#OPTIONS}, {@code noStreamCaching()}).
 * <p>
 * GET is the subscription handshake: {@code hub.mode=subscribe} and {@code hub.verify_token} equal to
 * the configured token answer {@code hub.challenge} as plain text; anything else 403.
 * <p>
 * POST is a delivery, checked in the order that costs a stranger the least: no
 * {@value HubSignature#HEADER} is 401 and a header that cannot be a signature 403, both before a byte
 * of the body is read; then the body is read up to its cap (413 above it, nothing kept), the HMAC of
 * those raw bytes compared in constant time (403 when it is not theirs), and only a verified delivery
 * reaches the {@link WebhookHandler}. The answer is 200 once the handler returned, i.e. once every
 * event is durable, duplicates included; 500 when it threw, so the network retries. At most
 * {@code concurrentBodies} bodies are read at once, which bounds what a flood can make the plugin hold
 * to that many caps; a request that cannot get a turn within {@code waitForTurn} is 503. A turn lasts until the
 * handler returned, since the body is held until then.
 */
public final class WebhookReceiver implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** How long a delivery waits for a body-reading turn before 503, which the network retries. */
    public static final Duration WAIT_FOR_TURN = Duration.ofSeconds(10);
    /** Meta's challenge is a number; anything beyond this is refused rather than echoed. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

    private final String name;
    private final HubSignature signature;
    private final byte[] verifyToken;
    private final int maxBodyBytes;
    private final Semaphore turns;
    private final Duration waitForTurn;
    private final WebhookHandler handler;
    private final WebhookCounters counters;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param name             the webhook's name in answers, logs and on the health endpoint, e.g. {@code meta}
     * @param appSecret        the key of the HMAC; never logged
     * @param verifyToken      what the handshake's {@code hub.verify_token} must equal; never logged
     * @param maxBodyBytes     the largest delivery read; larger is 413
     * @param concurrentBodies how many bodies may be read (and handled) at once
     * @param waitForTurn      how long a delivery waits for one of them before 503, e.g. {@link #WAIT_FOR_TURN}
     */
    public WebhookReceiver(String name, String appSecret, String verifyToken, int maxBodyBytes, int concurrentBodies,
                           Duration waitForTurn, WebhookHandler handler, WebhookCounters counters, ObjectMapper json, Clock clock) {
        if (verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalArgumentException("The " + name + " webhook needs a verify token for its handshake; none was given");
        }
        if (maxBodyBytes < 1 || concurrentBodies < 1) {
            throw new IllegalArgumentException("The " + name + " webhook needs a body cap and a number of concurrent bodies"
                    + " of at least 1, not " + maxBodyBytes + " and " + concurrentBodies);
        }
        this.name = name;
        this.signature = new HubSignature(appSecret);
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
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
            handshake(request, out);
        } else {
            deliver(request, out);
        }
    }

    private void handshake(InboundRequest request, Message out) throws Exception {
        String token = request.query("hub.verify_token");
        // Constant-time, so the token cannot be guessed byte by byte from response times.
        if (!"subscribe".equals(request.query("hub.mode")) || token == null
                || !MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
            counters.handshakesRefused.incrementAndGet();
            counters.lastRefused.set(clock.instant());
            error(out, 403, "The " + name + " webhook's handshake needs hub.mode=subscribe and hub.verify_token equal to the"
                    + " verifyToken of its settings; the token is not the same as the app secret");
            return;
        }
        String challenge = request.query("hub.challenge");
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            counters.handshakesRefused.incrementAndGet();
            error(out, 400, "The handshake's hub.challenge must be 1-256 letters, digits or ._~- (Meta sends a number);"
                    + " it is echoed only then");
            return;
        }
        counters.handshakes.incrementAndGet();
        LOG.info("The {} webhook answered a subscription handshake", name);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setBody(challenge);
    }

    private void deliver(InboundRequest request, Message out) throws Exception {
        String header = request.header(HubSignature.HEADER);
        if (header == null) {
            refused(counters.unsigned, out, 401, "A delivery to the " + name + " webhook needs header " + HubSignature.HEADER
                    + ": sha256=<hex HMAC-SHA256 of the body with the app secret>");
            return;
        }
        byte[] claimed = HubSignature.parse(header);
        if (claimed == null) {
            refused(counters.forged, out, 403, "Header " + HubSignature.HEADER + " must be sha256= and 64 hex digits");
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
                refused(counters.tooLarge, out, 413, e.getMessage() + "; raise maxBodyKiB of the " + name
                        + " webhook's settings if the network really sends batches this large");
                return;
            }
            if (!signature.matches(claimed, body)) {
                refused(counters.forged, out, 403, "Header " + HubSignature.HEADER + " is not the HMAC-SHA256 of this body with"
                        + " the " + name + " app secret; check appSecret in the webhook's settings");
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
        return "WebhookReceiver[" + name + ", maxBodyBytes=" + maxBodyBytes + ", appSecret=****, verifyToken=****]";
    }
}
