package org.socialcarebridge.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulated endpoint answers: a status, a body and extra headers. The body is JSON unless it is
 * bytes ({@link #text}) or a {@link Stream} that writes for as long as the connection lives.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public static final String PROBLEM_JSON = "application/problem+json";

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, new LinkedHashMap<>());
    }

    /** A plain-text answer, e.g. Mastodon's streaming health check {@code OK}. */
    public static ApiResponse text(int status, String text) {
        ApiResponse response = new ApiResponse(status, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
        response.headers().put("Content-Type", "text/plain; charset=utf-8");
        return response;
    }

    /** A long-lived answer (server-sent events): headers go out at once, then {@code stream} writes until it returns. */
    public static ApiResponse stream(String contentType, Stream stream) {
        ApiResponse response = new ApiResponse(200, stream, new LinkedHashMap<>());
        response.headers().put("Content-Type", contentType);
        return response;
    }

    /** Writes a streamed body; returning (or failing because the client left) ends the response. */
    @FunctionalInterface
    public interface Stream {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The problem shape X v2 (and RFC 7807) uses for errors: title, detail, type, status. */
    public static ApiResponse problem(int status, String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("detail", detail);
        p.put("type", "about:blank");
        p.put("status", status);
        ApiResponse response = json(status, p);
        response.headers().put("Content-Type", PROBLEM_JSON);
        return response;
    }
}
