package org.socialcarebridge.routes.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

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
     * token) is already written to {@code out}. The token is read only from the request's own
     * Authorization header: a token in the URL ({@code ?Authorization=} or RFC 6750's
     * {@code ?access_token=}) is refused even when it is right, because URLs end in access logs, proxies
     * and shell history; a form field is never read at all.
     */
    public boolean admits(InboundRequest request, Message out) throws Exception {
        if (token == null) {
            answer(out, 403, Map.of("error", "The admin API is off: set adminToken in etc/org.socialcarebridge.http.cfg"
                    + " and send it as header 'Authorization: Bearer <adminToken>'"));
            return false;
        }
        if (request.hasQueryParameter("Authorization") || request.hasQueryParameter("access_token")) {
            answer(out, 401, Map.of("error", "The admin token is accepted only as header 'Authorization: Bearer <adminToken>',"
                    + " never in the URL, where it ends in logs and shell history; remove it from the URL"
                    + " (and if it was the real token, change adminToken in etc/org.socialcarebridge.http.cfg)"));
            return false;
        }
        String authorization = request.header("Authorization");
        // Constant-time, so the token cannot be guessed byte by byte from response times.
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            answer(out, 401, Map.of("error", "Send the admin token from etc/org.socialcarebridge.http.cfg as header"
                    + " 'Authorization: Bearer <adminToken>' (never in the URL or a form field)"));
            return false;
        }
        return true;
    }

    /** A JSON answer, pretty-printed for the administrator reading it with curl. */
    public void answer(Message out, int status, Object body) throws Exception {
        InboundRequest.answer(out, json, status, body);
    }
}
