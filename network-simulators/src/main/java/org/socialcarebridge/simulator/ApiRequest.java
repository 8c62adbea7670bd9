package org.socialcarebridge.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call to a simulated API: method, path, decoded query, the caller (from the bearer token), body
 * and headers (names case-insensitive).
 */
public record ApiRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                         Map<String, String> pathParams, String bearer, String body, Map<String, String> headers) {

    public String header(String name) {
        return headers.get(name);
    }

    /** Every value of a repeated parameter; {@code name[]} (Rails style) and {@code name} alike. */
    public List<String> params(String name) {
        List<String> all = new java.util.ArrayList<>(query.getOrDefault(name, List.of()));
        all.addAll(query.getOrDefault(name + "[]", List.of()));
        return all;
    }

    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
        }
        return q;
    }
}
