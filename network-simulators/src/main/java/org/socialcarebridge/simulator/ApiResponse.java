package org.socialcarebridge.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulated endpoint answers: a status, a JSON body (or none) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public static final String PROBLEM_JSON = "application/problem+json";

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
