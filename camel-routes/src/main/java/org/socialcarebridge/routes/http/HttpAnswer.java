package org.socialcarebridge.routes.http;

import java.util.List;
import java.util.Map;

/** A response as the routes need it: status, headers (lower-case names) and body text. */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
