package org.socialcarebridge.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every API call with its outcome, for tests to check what the plugin called (GET /sim/requests). */
public final class RequestLog {
    private final List<Map<String, Object>> entries = new ArrayList<>();

    synchronized void add(String method, String path, String query, int status) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("method", method);
        e.put("path", path);
        e.put("query", query == null ? "" : query);
        e.put("status", status);
        e.put("time", Instant.now().toString());
        entries.add(e);
    }

    public synchronized List<Map<String, Object>> since(int index) {
        return new ArrayList<>(entries.subList(Math.min(Math.max(index, 0), entries.size()), entries.size()));
    }

    public synchronized void clear() {
        entries.clear();
    }
}
