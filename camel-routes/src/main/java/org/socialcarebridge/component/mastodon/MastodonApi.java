package org.socialcarebridge.component.mastodon;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.routes.http.NetworkAnswer;

/** The Mastodon REST calls the routes use, with Mastodon's errors turned into the domain's. */
public final class MastodonApi {
    private final HttpCall http;
    private final MastodonConfiguration configuration;
    private final ObjectMapper json;

    public MastodonApi(HttpCall http, MastodonConfiguration configuration, ObjectMapper json) {
        this.http = http;
        this.configuration = configuration;
        this.json = json;
    }

    /** The brand's own account (whose token this is). */
    public JsonNode me() {
        return call("GET", "/api/v1/accounts/verify_credentials", null, null);
    }

    /**
     * The page of mention notifications (public posts and direct messages alike) immediately newer than
     * {@code minId} (exclusive; "0" for the oldest page), the newest of them first, as Mastodon pages
     * forward with {@code min_id}.
     */
    public JsonNode mentionsAfter(String minId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("types[]", "mention");
        q.put("limit", String.valueOf(configuration.getLimit()));
        q.put("min_id", minId);
        return call("GET", "/api/v1/notifications?" + HttpCall.form(q), null, null);
    }

    /**
     * The page of mention notifications older than {@code maxId} (exclusive; null for the newest page),
     * newest first: how a first start reads back over the recent ones.
     */
    public JsonNode mentionsBefore(String maxId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("types[]", "mention");
        q.put("limit", String.valueOf(configuration.getLimit()));
        if (maxId != null) {
            q.put("max_id", maxId);
        }
        return call("GET", "/api/v1/notifications?" + HttpCall.form(q), null, null);
    }

    /**
     * Where the streaming API lives ({@code configuration.urls.streaming} of {@code GET /api/v2/instance}),
     * as an HTTP base for server-sent events: Mastodon names it {@code wss://}, the same host serves SSE over
     * {@code https://}. The REST base when the instance does not say.
     */
    public String streamingBase() {
        String url = call("GET", "/api/v2/instance", null, null).path("configuration").path("urls").path("streaming").asText("");
        if (url.isBlank()) {
            return configuration.getBaseUrl();
        }
        return url.replaceFirst("^wss://", "https://").replaceFirst("^ws://", "http://").replaceAll("/+$", "");
    }

    /** The token the streaming API takes as the REST API does (never shown). */
    String accessToken() {
        return configuration.getAccessToken();
    }

    /** The thread around a status: {@code ancestors} oldest first, as far as the brand may see them. */
    public JsonNode context(String statusId) {
        return call("GET", "/api/v1/statuses/" + HttpCall.encode(statusId) + "/context", null, null);
    }

    /**
     * Posts a status. The idempotency key makes Mastodon answer the first status again if a retry
     * repeats a post whose answer was lost.
     */
    public JsonNode postStatus(String text, String inReplyToId, String visibility, String idempotencyKey) {
        ObjectNode body = json.createObjectNode().put("status", text).put("visibility", visibility);
        if (inReplyToId != null) {
            body.put("in_reply_to_id", inReplyToId);
        }
        return call("POST", "/api/v1/statuses", body, idempotencyKey);
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body, String idempotencyKey) {
        String url = configuration.getBaseUrl() + pathAndQuery;
        String what = method + " " + pathAndQuery.replaceAll("\\?.*", "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + configuration.getAccessToken());
        headers.put("Accept", "application/json");
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        HttpAnswer answer;
        try {
            answer = http.send(method, url, headers, body == null ? null : "application/json",
                    body == null ? null : body.toString());
        } catch (HttpCall.UnreachableException e) {
            throw new NetworkUnavailableException("Mastodon " + what + ": " + e.getMessage(), e);
        }
        return NetworkAnswer.read(answer, "Mastodon " + what, MastodonApi::resetOf, this::error, json);
    }

    /** Mastodon's {@code X-RateLimit-Reset} is an ISO-8601 time (X's is epoch seconds); without it wait one 5-minute window. */
    static Instant resetOf(HttpAnswer answer) {
        String reset = answer.header("X-RateLimit-Reset");
        try {
            return reset == null ? Instant.now().plusSeconds(300) : Instant.parse(reset.strip());
        } catch (DateTimeParseException e) {
            return Instant.now().plusSeconds(300);
        }
    }

    /** Mastodon's errors are {@code {"error": "..."}}. */
    private String error(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("error").asText(body);
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
