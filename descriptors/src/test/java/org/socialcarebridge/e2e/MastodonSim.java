package org.socialcarebridge.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Customers and test control over the Mastodon simulator's HTTP API, as a Mastodon client would use it. */
final class MastodonSim extends SimulatorClient {
    MastodonSim(String base) {
        super(base);
    }

    void customer(String acct, String displayName, long followers) {
        call("PUT", "/sim/accounts/" + acct, null, Rt.JSON.createObjectNode().put("display_name", displayName)
                .put("followers_count", followers));
    }

    /** A customer shown as a remote account of {@code domain} ({@code acct@domain}), with this profile link. */
    void remoteCustomer(String acct, String domain, String displayName, String url) {
        call("PUT", "/sim/accounts/" + acct, null, Rt.JSON.createObjectNode().put("display_name", displayName)
                .put("domain", domain).put("url", url));
    }

    String accountId(String acct) {
        return call("GET", "/api/v1/accounts/verify_credentials", "sim-user:" + acct, null).path("id").asText();
    }

    /** A customer's status through the public API; answers its id. */
    String post(String acct, String text, String visibility, String inReplyTo) {
        ObjectNode body = Rt.JSON.createObjectNode().put("status", text).put("visibility", visibility);
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        return call("POST", "/api/v1/statuses", "sim-user:" + acct, body).path("id").asText();
    }

    /** The same, through the control API: no auth, no rate limit (for bursts). */
    String postQuickly(String acct, String text, String visibility, String inReplyTo) {
        ObjectNode body = Rt.JSON.createObjectNode().put("acct", acct).put("status", text).put("visibility", visibility);
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        return call("POST", "/sim/statuses", null, body).path("id").asText();
    }

    void delete(String acct, String id) {
        call("DELETE", "/api/v1/statuses/" + id, "sim-user:" + acct, null);
    }

    /** Every status the simulator holds, in creation order. */
    List<JsonNode> statuses() {
        List<JsonNode> out = new ArrayList<>();
        call("GET", "/sim/statuses", null, null).forEach(out::add);
        return out;
    }
}
