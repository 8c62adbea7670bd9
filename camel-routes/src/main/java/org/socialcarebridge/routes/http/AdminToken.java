package org.socialcarebridge.routes.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The bearer token of the administrator's REST calls (etc/org.socialcarebridge.http.cfg, adminToken). */
public final class AdminToken {
    private final byte[] token;
    private final ObjectMapper json;

    /** @param token null turns the admin API off (every call answers 403 saying how to turn it on) */
    public AdminToken(String token, ObjectMapper json) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    /**
     * Whether the request may go on. If not, the answer (403 when the API is off, 401 without the right
     * token) is already written to {@code out}.
     */
    public boolean admits(String authorization, Message out) throws Exception {
        if (token == null) {
            answer(out, 403, Map.of("error", "The admin API is off: set adminToken in etc/org.socialcarebridge.http.cfg"
                    + " and send it as 'Authorization: Bearer <adminToken>'"));
            return false;
        }
        // Constant-time, so the token cannot be guessed byte by byte from response times.
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            answer(out, 401, Map.of("error", "Send the admin token from etc/org.socialcarebridge.http.cfg as"
                    + " 'Authorization: Bearer <adminToken>'"));
            return false;
        }
        return true;
    }

    /** A JSON answer, pretty-printed for the administrator reading it with curl. */
    public void answer(Message out, int status, Object body) throws Exception {
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }
}
