package org.socialcarebridge.component.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * Meta's subscription handshake: {@code hub.mode=subscribe} and {@code hub.verify_token} equal to the
 * configured token answer {@code hub.challenge} as plain text; anything else 403.
 */
public final class HubHandshake implements WebhookHandshake {
    /** Meta's challenge is a number; anything beyond this is refused rather than echoed. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

    private final String name;
    private final byte[] verifyToken;
    private final ObjectMapper json;

    /** @param verifyToken what {@code hub.verify_token} must equal; never logged */
    public HubHandshake(String name, String verifyToken, ObjectMapper json) {
        if (verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalArgumentException("The " + name + " webhook needs a verify token for its handshake; none was given");
        }
        this.name = name;
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    public boolean answer(InboundRequest request, Message out) throws Exception {
        String token = request.query("hub.verify_token");
        // Constant-time, so the token cannot be guessed byte by byte from response times.
        if (!"subscribe".equals(request.query("hub.mode")) || token == null
                || !MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
            InboundRequest.answer(out, json, 403, Map.of("error", "The " + name + " webhook's handshake needs"
                    + " hub.mode=subscribe and hub.verify_token equal to the verifyToken of its settings; the token is"
                    + " not the same as the app secret"));
            return false;
        }
        String challenge = request.query("hub.challenge");
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            InboundRequest.answer(out, json, 400, Map.of("error", "The handshake's hub.challenge must be 1-256 letters,"
                    + " digits or ._~- (Meta sends a number); it is echoed only then"));
            return false;
        }
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setBody(challenge);
        return true;
    }

    @Override
    public String toString() {
        return "HubHandshake[" + name + ", verifyToken=****]";
    }
}
