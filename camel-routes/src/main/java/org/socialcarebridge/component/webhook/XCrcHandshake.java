package org.socialcarebridge.component.webhook;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * X's challenge-response check (CRC), on registration and again from time to time: {@code GET
 * ?crc_token=T} answers {@code {"response_token":"sha256=<base64 HMAC-SHA256 of T with the consumer
 * secret>"}}. The token is never echoed, only its HMAC; a missing or oversized one is 400. Only the
 * characters of X's tokens (base64 and URL-safe base64) are answered: the answer is the signature a POST of
 * the token would carry, so a token that could be a JSON body would make this endpoint sign forgeries.
 */
public final class XCrcHandshake implements WebhookHandshake {
    /** X's tokens are a few dozen characters; more is not X. */
    private static final int MAX_TOKEN = 256;
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9+/=_-]{1," + MAX_TOKEN + "}");

    private final XWebhookSignature signature;
    private final ObjectMapper json;

    public XCrcHandshake(XWebhookSignature signature, ObjectMapper json) {
        this.signature = signature;
        this.json = json;
    }

    @Override
    public boolean answer(InboundRequest request, Message out) throws Exception {
        String token = request.query("crc_token");
        if (token == null || !TOKEN.matcher(token).matches()) {
            InboundRequest.answer(out, json, 400, Map.of("error", "X's CRC is GET with crc_token=<1-" + MAX_TOKEN
                    + " base64 or URL-safe base64 characters>; it is answered with the HMAC of the token, never the token"));
            return false;
        }
        InboundRequest.answer(out, json, 200, Map.of("response_token", signature.responseToken(token)));
        return true;
    }

    @Override
    public String toString() {
        return "XCrcHandshake[consumerSecret=****]";
    }
}
