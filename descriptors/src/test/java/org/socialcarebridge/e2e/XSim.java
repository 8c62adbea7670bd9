package org.socialcarebridge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Customers and test control, over the X simulator's HTTP API exactly as a client of X would use it. */
final class XSim {
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    XSim(String base) {
        this.base = base;
    }

    JsonNode call(String method, String path, String bearer, JsonNode body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            b.header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? Rt.JSON.createObjectNode() : Rt.JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void customer(String handle, String name, long followers, boolean verified) {
        call("PUT", "/sim/users/" + handle, null, Rt.JSON.createObjectNode().put("name", name)
                .put("followers_count", followers).put("verified", verified));
    }

    /** A customer's public post; answers its id. */
    String tweet(String handle, String text, String inReplyTo) {
        ObjectNode body = Rt.JSON.createObjectNode().put("text", text);
        if (inReplyTo != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        }
        return call("POST", "/2/tweets", "sim-user:" + handle, body).path("data").path("id").asText();
    }

    String userId(String handle) {
        return call("GET", "/2/users/me", "sim-user:" + handle, null).path("data").path("id").asText();
    }

    void fault(String method, String path, int status, int count, int resetSeconds) {
        call("POST", "/sim/faults", null, Rt.JSON.createObjectNode().put("method", method).put("path", path)
                .put("status", status).put("count", count).put("resetSeconds", resetSeconds));
    }

    /** Every tweet the simulator holds. */
    List<JsonNode> tweets() {
        return list(call("GET", "/sim/tweets", null, null));
    }

    List<JsonNode> dmEvents() {
        return list(call("GET", "/sim/dm_events", null, null));
    }

    List<JsonNode> requests() {
        return list(call("GET", "/sim/requests", null, null));
    }

    private static List<JsonNode> list(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("data");
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
