package org.socialcarebridge.component.graph;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * One call of Meta's Graph API (v23.0), shared by the Meta products that read and write through it (a
 * Facebook Page, an Instagram professional account, a WhatsApp business number): the same host, token, error
 * shape, paging and times; what differs per product (its own throttling codes, the advice after a refusal)
 * is its {@link Product}.
 * Meta is classified by {@code error.code}, as its own SDKs do, not by the HTTP status: a rate limit often
 * comes as 400, and a transient fault as 400 with {@code is_transient}. The token travels as a bearer
 * header only, never in a URL, so no log line or exception message can carry it. It lives here rather than
 * in {@code component.webhook}, which is the inbound side of Meta (signed deliveries); this is the outbound.
 */
public final class GraphCall {
    public static final String VERSION = "/v23.0";
    /**
     * Meta's throttling codes: 4 application, 17 user, 32 Page, 613 calls within an hour; 80000-80099 the
     * Business Use Case limits (80001 Pages, 80002 Instagram, 80006 Messenger, ...).
     */
    public static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    /** When a throttled answer says nothing of when access comes back (BUC counts over a rolling hour). */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    /** The most Graph returns a page (its {@code limit} runs from 1 to 100). */
    public static final int PAGE_SIZE = 100;
    /** How the Graph API writes times: an offset without a colon, which ISO_OFFSET_DATE_TIME refuses. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]xx");

    /** Codes that say "try again" rather than "no": 1 unknown, 2 service down, 131000 WhatsApp's "something went wrong". */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 131000);

    /**
     * What one Meta product makes of a refusal: its name in every message ({@code Facebook}), its own
     * throttling codes with how long each lasts (WhatsApp's per-number limits), beyond Graph's shared ones
     * (those wait as {@link #resetOf} says), and what the agent or administrator can do after a refusal.
     */
    public record Product(String name, Map<Integer, Duration> ownRateLimits, Advice advice) {
        /**
         * A product reached with a Page token (Facebook, Instagram), whose advice names its private messages
         * ({@code Messenger}) and their limit, the settings file with the token, and the token's permissions.
         */
        public static Product withPageToken(String name, String inbox, int messageLimit, String settingsFile,
                String permissions) {
            return new Product(name, Map.of(), (code, subcode) -> pageAdvice(code, subcode, inbox, messageLimit,
                    settingsFile, permissions));
        }
    }

    /** What the agent (or the administrator) can do instead, after Meta refused with this code and subcode. */
    @FunctionalInterface
    public interface Advice {
        String after(int code, int subcode);
    }

    private final HttpCall http;
    private final ObjectMapper json;
    private final String baseUrl;
    private final String token;
    private final Product product;
    private final Clock clock;

    /** @param baseUrl the Graph API without its version, e.g. {@code https://graph.facebook.com} */
    public GraphCall(HttpCall http, ObjectMapper json, String baseUrl, String token, Product product) {
        this(http, json, baseUrl, token, product, Clock.systemUTC());
    }

    /** @param clock what a throttled call's wait counts from */
    public GraphCall(HttpCall http, ObjectMapper json, String baseUrl, String token, Product product, Clock clock) {
        this.clock = clock;
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl;
        this.token = token;
        this.product = product;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The answer's JSON; Meta's refusals as the domain's exceptions ({@link #refusal}). */
    public JsonNode call(String method, String pathAndQuery, JsonNode body) {
        String url = baseUrl + VERSION + pathAndQuery;
        String what = product.name() + " " + method + " " + pathAndQuery.replaceAll("\\?.*", "");
        HttpAnswer answer;
        try {
            answer = http.send(method, url, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"),
                    body == null ? null : "application/json", body == null ? null : body.toString());
        } catch (HttpCall.UnreachableException e) {
            throw new NetworkUnavailableException(what + ": " + e.getMessage(), e);
        }
        if (answer.ok()) {
            try {
                return json.readTree(answer.body());
            } catch (IOException e) {
                throw new NetworkUnavailableException(what + " answered malformed JSON: " + e.getMessage());
            }
        }
        throw refusal(what, answer);
    }

    /** {@code limit} (the most a page holds) and {@code after} added to a list's query, as a query string. */
    public static String paged(Map<String, String> q, String after) {
        q.put("limit", String.valueOf(PAGE_SIZE));
        if (after != null) {
            q.put("after", after);
        }
        return HttpCall.form(q);
    }

    /**
     * The {@code message_id} of a Send API answer. An answer without one is a send whose outcome is unknown:
     * thrown as unavailable, so the outbox looks it up before sending it again.
     *
     * @param what what was sent, e.g. "Facebook Messenger message"
     */
    public static String messageId(JsonNode answer, String what) {
        String id = answer.path("message_id").asText("");
        if (id.isEmpty()) {
            throw new NetworkUnavailableException("Meta accepted the " + what + " but answered no message_id: " + answer);
        }
        return id;
    }

    /** The cursor of the page after this one of a Graph list, or null when it is the last. */
    public static String nextPage(JsonNode page) {
        JsonNode paging = page.path("paging");
        String after = paging.path("cursors").path("after").asText("");
        return paging.hasNonNull("next") && !after.isEmpty() ? after : null;
    }

    /**
     * A text field Meta sends on every such item (a comment's id, a message's mid); an item without it is
     * refused naming the field, for the caller to keep as a dead letter.
     */
    public static String required(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() && !v.isNumber() || v.asText().isBlank()) {
            throw new IllegalArgumentException("The field '" + field + "' is missing or empty (got " + v
                    + "); Meta sends it on every such item, so this one is not readable as it is");
        }
        return v.asText();
    }

    /** A Graph API time, {@code 2026-12-07T09:15:02+0000}; null when it is not one. */
    public static Instant graphTime(String text) {
        try {
            return GRAPH_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Meta's error answer as the domain's exception: retried later, or refused for good with what to do
     * instead. What Meta said is quoted with its code, subcode and {@code error_data.details} (WhatsApp's
     * explanation) when it gives them.
     */
    public RuntimeException refusal(String what, HttpAnswer answer) {
        JsonNode error = errorOf(answer.body());
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String said = error.path("message").asText("").strip();
        String details = error.path("error_data").path("details").asText("").strip();
        String quoted = what + " answered " + answer.status() + (code == 0 ? "" : " (#" + code
                + (subcode == 0 ? "" : "/" + subcode) + ")") + ": " + (said.isEmpty() ? abbreviated(answer.body()) : said)
                + (details.isEmpty() ? "" : " (" + details + ")");
        Duration own = product.ownRateLimits().get(code);
        if (own != null) {
            return new RateLimitedException(quoted, clock.instant().plus(own));
        }
        if (answer.status() == 429 || RATE_LIMIT_CODES.contains(code) || (code >= 80000 && code < 80100)) {
            return new RateLimitedException(quoted, resetOf(answer));
        }
        if (answer.status() >= 500 || answer.status() == 0 || TRANSIENT_CODES.contains(code)
                || error.path("is_transient").asBoolean(false)) {
            return new NetworkUnavailableException(quoted);
        }
        return new PostRejectedException(quoted + product.advice().after(code, subcode));
    }

    /** What the agent (or the administrator) can do instead, after what Meta said to a Page token's call. */
    static String pageAdvice(int code, int subcode, String inbox, int messageLimit, String settingsFile,
            String permissions) {
        return switch (code) {
            case 10 -> ". " + inbox + "'s window is closed: a message may be sent within 24 hours of the customer's last"
                    + " message, and a human agent's reply with the HUMAN_AGENT tag within 7 days; after that answer"
                    + " publicly under their comment, or wait until they write again";
            case 10900 -> ". This comment has had its one private reply already: continue in the " + inbox
                    + " conversation once the customer answers, or reply publicly under the comment";
            case 10903 -> ". A comment may be answered privately only within 7 days: reply publicly under the comment";
            case 190 -> ". The Page token was refused (expired, revoked, or the Page admin changed their password):"
                    + " put a new Page access token as pageToken in " + settingsFile;
            case 200, 230, 298 -> ". The Page token lacks a permission (" + permissions + "): grant it to the"
                    + " app and put the new token as pageToken in " + settingsFile;
            case 551 -> ". This person cannot be reached on " + inbox + " now: reply publicly where they wrote";
            case 100 -> subcode == 33
                    ? ". The comment, post or conversation is gone or not visible to the Page: nothing can be sent to it;"
                            + " reply where the customer still is"
                    : subcode == 2018001
                            ? ". " + inbox + " knows no such person for this Page: reply publicly where they wrote"
                            : ". Meta refused a parameter of the reply: correct the reply (" + inbox + " takes at most "
                                    + messageLimit + " characters) and send it again";
            default -> ". Meta refused it; the reply was not sent";
        };
    }

    private JsonNode errorOf(String body) {
        try {
            return json.readTree(body).path("error");
        } catch (IOException | RuntimeException e) {
            return json.missingNode();
        }
    }

    /**
     * When access comes back: the largest {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage} ({@code {"<id>": [{..., "estimated_time_to_regain_access": N}]}});
     * without one, {@link #DEFAULT_WAIT}.
     */
    Instant resetOf(HttpAnswer answer) {
        long minutes = 0;
        String usage = answer.header("X-Business-Use-Case-Usage");
        if (usage != null) {
            try {
                for (JsonNode perObject : json.readTree(usage)) {
                    for (JsonNode each : perObject) {
                        minutes = Math.max(minutes, each.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
            } catch (IOException | RuntimeException e) {
                minutes = 0;
            }
        }
        return clock.instant().plus(minutes > 0 ? Duration.ofMinutes(minutes) : DEFAULT_WAIT);
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) : body;
    }
}
