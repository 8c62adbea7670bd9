package org.socialcarebridge.routes.rt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * Checks RT's notification of an agent's reply, {@code POST /socialcare/rt/transactions} with header
 * {@value #SECRET_HEADER} and body {@code {"ticket":N,"transaction":M}}, in the order that costs a
 * stranger the least: the shared secret (from the header, before any of the body is read), the media
 * type (JSON only, which a cross-site form post cannot send), a small body, its shape, and whether the
 * transaction is after the reconciler's start point (a reply from before the plugin is never sent, and a
 * notification must not revive one).
 * <p>
 * Answers 202 with the transaction id as the body when the outbox should take it; otherwise the
 * answer is written: 503 without a {@code notifySecret}, 401 without the right secret, 415, 413, 400,
 * or 200 saying why the transaction is ignored.
 */
public final class RtNotifications implements Processor {
    public static final String SECRET_HEADER = "X-SocialCare-Secret";
    /** A notification is some 40 bytes; anything near this is not RT's scrip. */
    static final int MAX_BODY = 4096;

    private final byte[] secret;
    private final Supplier<OptionalLong> startPoint;
    private final ObjectMapper json;

    /**
     * @param secret      {@code notifySecret} of etc/org.socialcarebridge.http.cfg; null refuses every call
     * @param startPoint the transaction the reconciler started after, empty before its first read of RT
     */
    public RtNotifications(String secret, Supplier<OptionalLong> startPoint, ObjectMapper json) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.startPoint = startPoint;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InboundRequest request = InboundRequest.of(exchange);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (secret == null) {
            answer(out, 503, "RT notifications are off: set notifySecret in etc/org.socialcarebridge.http.cfg to the value"
                    + " of $SocialCareNotifySecret in RT's /etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm"
                    + " (RT's provisioning generates it). Until then replies arrive by reconciliation only");
            return;
        }
        String given = request.header(SECRET_HEADER);
        // Constant-time, so the secret cannot be guessed byte by byte from response times.
        if (given == null || !MessageDigest.isEqual(secret, given.strip().getBytes(StandardCharsets.UTF_8))) {
            answer(out, 401, "Send notifySecret of etc/org.socialcarebridge.http.cfg (RT's $SocialCareNotifySecret) as header "
                    + SECRET_HEADER);
            return;
        }
        if (!request.hasMediaType("application/json")) {
            answer(out, 415, "Send the notification as Content-Type: application/json, not "
                    + (request.header("Content-Type") == null ? "without a Content-Type" : request.header("Content-Type")));
            return;
        }
        String body;
        try {
            body = request.body(MAX_BODY);
        } catch (InboundRequest.BodyTooLargeException e) {
            answer(out, 413, e.getMessage() + "; a notification is {\"ticket\":N,\"transaction\":M}");
            return;
        }
        long transaction;
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object {\"ticket\":N,\"transaction\":M}");
            }
            positive(node, "ticket");
            transaction = positive(node, "transaction");
        } catch (JsonProcessingException e) {
            answer(out, 400, "malformed notification: not JSON (" + e.getOriginalMessage() + ")");
            return;
        } catch (IllegalArgumentException e) {
            answer(out, 400, "malformed notification: " + e.getMessage());
            return;
        }
        OptionalLong start = startPoint.get();
        if (start.isEmpty() || transaction <= start.getAsLong()) {
            InboundRequest.answer(out, json, 200, Map.of("accepted", false, "ignored", start.isEmpty()
                    ? "the plugin has not read RT's transactions yet; it starts after RT's newest one"
                    : "transaction " + transaction + " is not after " + start.getAsLong()
                    + ", where the plugin started reading RT's replies; earlier ones are never sent"));
            return;
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setBody(transaction);
    }

    private static long positive(JsonNode notification, String field) {
        JsonNode value = notification.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            // Numbers are echoed; other values only by their kind, so the answer never repeats a stranger's text.
            throw new IllegalArgumentException("'" + field + "' must be a positive whole number, got " + (value.isMissingNode()
                    ? "nothing" : value.isNumber() ? value.asText() : "a " + value.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return value.longValue();
    }

    private void answer(Message out, int status, String error) throws JsonProcessingException {
        InboundRequest.answer(out, json, status, Map.of("error", error));
    }
}
