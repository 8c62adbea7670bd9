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

    /**
     * A body that stays open (a streaming API): the server sends the headers, hands the response
     * body to {@link #open} and returns; the owner writes to it and closes it when the stream ends.
     */
    @FunctionalInterface
    public interface Stream {
        void open(OutputStream out) throws IOException;
    }

    /** A streaming answer with its content type. */
    public static ApiResponse stream(int status, String contentType, Stream stream) {
        ApiResponse response = new ApiResponse(status, stream, new LinkedHashMap<>());
        response.headers().put("Content-Type", contentType);
        return response;
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, new LinkedHashMap<>());
    }

    /** A plain-text answer, e.g. Mastodon's streaming health check {@code OK}. */
    public static ApiResponse text(int status, String text) {
        ApiResponse response = new ApiResponse(status, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
        response.headers().put("Content-Type", "text/plain; charset=utf-8");
        return response;
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
