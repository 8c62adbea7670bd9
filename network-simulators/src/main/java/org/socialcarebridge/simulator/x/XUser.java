package org.socialcarebridge.simulator.x;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An account on the simulated X. Its id is derived from the handle, so it is the same in every run. */
final class XUser {
    final String id;
    final String username;
    volatile String name;
    volatile long followers;
    volatile boolean verified;
    final String createdAt;

    XUser(String id, String username, String createdAt) {
        this.id = id;
        this.username = username;
        this.name = username;
        this.createdAt = createdAt;
    }

    /** The user object with the default fields plus those asked for in {@code user.fields}. */
    Map<String, Object> toJson(Set<String> fields) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", id);
        u.put("name", name);
        u.put("username", username);
        if (fields.contains("created_at")) {
            u.put("created_at", createdAt);
        }
        if (fields.contains("verified")) {
            u.put("verified", verified);
        }
        if (fields.contains("protected")) {
            u.put("protected", false);
        }
        if (fields.contains("public_metrics")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("followers_count", followers);
            m.put("following_count", 0);
            m.put("tweet_count", 0);
            m.put("listed_count", 0);
            u.put("public_metrics", m);
        }
        return u;
    }
}
