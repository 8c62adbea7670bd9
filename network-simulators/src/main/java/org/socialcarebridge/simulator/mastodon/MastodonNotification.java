package org.socialcarebridge.simulator.mastodon;

import java.util.LinkedHashMap;
import java.util.Map;

/** Something that happened to an account: mentioned (public or direct), boosted, favourited. */
record MastodonNotification(String id, String type, MastodonAccount recipient, MastodonAccount from,
                            MastodonStatus status, String createdAt) {

    long numericId() {
        return Long.parseLong(id);
    }

    Map<String, Object> toJson() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("type", type);
        n.put("group_key", "ungrouped-" + id);
        n.put("created_at", createdAt);
        n.put("account", from.toJson());
        n.put("status", status == null ? null : status.toJson());
        return n;
    }
}
