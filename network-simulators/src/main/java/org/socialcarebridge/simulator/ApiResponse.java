package org.socialcarebridge.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulated endpoint answers: a status, a JSON body (or none) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public static final String PROBLEM_JSON = "application/problem+json";

    /**
     * A body that stays open (a streaming API): the server sends the headers, hands the response
     * body to {@link #open} and returns; the owner writes to it and closes it when the stream ends.
     */
    public interface Stream {
        void open(java.io.OutputStream out) throws java.io.IOException;
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
