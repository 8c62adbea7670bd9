package org.socialcarebridge.component.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The WhatsApp Cloud API (Graph v23.0) calls of one business number, with Meta's errors turned into the
 * domain's: classified by {@code error.code}, as Meta's SDKs do, since a rate limit comes as HTTP 400. The
 * system user's token travels as a bearer header only, never in a URL, so no log line or message carries it.
 */
public final class CloudApi {
    public static final String VERSION = "/v23.0";
    /** Where an administrator fixes a refused token or id. */
    static final String SETTINGS_FILE = "etc/org.socialcarebridge.network.whatsapp.cfg";
    /** Over 80 messages a second from the number (the Cloud API's throughput). */
    static final int THROUGHPUT_LIMIT = 130429;
    /** Too many messages to one customer: more than 45 within 6 s, then 1 per 6 s. */
    static final int PAIR_RATE_LIMIT = 131056;
    static final Duration PAIR_WAIT = Duration.ofSeconds(6);
    /** Graph's own throttles (application, user, per hour) and the Business Use Case ones, as Facebook's. */
    static final Set<Integer> GRAPH_RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 80007);
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);
    /** The most Graph returns a page. */
    static final int PAGE_SIZE = 100;

    private final HttpCall http;
    private final WhatsAppConfiguration configuration;
    private final ObjectMapper json;
    private final Clock clock;

    public CloudApi(HttpCall http, WhatsAppConfiguration configuration, ObjectMapper json, Clock clock) {
        this.http = http;
        this.configuration = configuration;
        this.json = json;
        this.clock = clock;
    }

    /** A free-text message to a customer's wa_id; the wamid WhatsApp gave it. */
    public String sendText(String waId, String text) {
        ObjectNode body = message(waId, "text");
        body.putObject("text").put("body", text).put("preview_url", false);
        return wamid(call("POST", messagesEdge(), body), "text message to " + waId);
    }

    /**
     * An approved template to a customer's wa_id, its body's placeholders filled in order with
     * {@code parameters} (the components are left out when there are none); the wamid WhatsApp gave it.
     */
    public String sendTemplate(String waId, MessageTemplate template, List<String> parameters) {
        ObjectNode body = message(waId, "template");
        ObjectNode t = body.putObject("template").put("name", template.name());
        t.putObject("language").put("code", template.language());
        if (!parameters.isEmpty()) {
            ArrayNode values = t.putArray("components").addObject().put("type", "body").putArray("parameters");
            parameters.forEach(p -> values.addObject().put("type", "text").put("text", p));
        }
        return wamid(call("POST", messagesEdge(), body), "template " + template.name() + " to " + waId);
    }

    /** Marks a customer's message read: its blue ticks, and every earlier message of theirs with it. */
    public void markRead(String wamid) {
        ObjectNode body = json.createObjectNode().put("messaging_product", "whatsapp").put("status", "read")
                .put("message_id", wamid);
        call("POST", messagesEdge(), body);
    }

    /**
     * One page of the business account's templates, all statuses: {@code data[]} of {@code {name, status,
     * language, components[]}} and {@code paging}. {@code after} is the previous page's cursor, or null.
     */
    public JsonNode templates(String after) {
        String q = "fields=name,status,language,components&limit=" + PAGE_SIZE + (after == null ? "" : "&after="
                + HttpCall.encode(after));
        return call("GET", "/" + HttpCall.encode(configuration.getBusinessAccountId()) + "/message_templates?" + q, null);
    }

    /** The cursor of the page after this one of a Graph list, or null when it is the last. */
    static String nextPage(JsonNode page) {
        JsonNode paging = page.path("paging");
        String after = paging.path("cursors").path("after").asText("");
        return paging.hasNonNull("next") && !after.isEmpty() ? after : null;
    }

    private ObjectNode message(String waId, String type) {
        return json.createObjectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", waId).put("type", type);
    }

    private String messagesEdge() {
        return "/" + HttpCall.encode(configuration.getPhoneNumberId()) + "/messages";
    }

    private static String wamid(JsonNode answer, String what) {
        String id = answer.path("messages").path(0).path("id").asText("");
        if (id.isEmpty()) {
            // WhatsApp took the call but named no message: it may be on its way, the outbox must not send it blind.
            throw new NetworkUnavailableException("WhatsApp accepted the " + what + " but answered no message id: " + answer);
        }
        return id;
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body) {
        String url = configuration.getBaseUrl() + VERSION + pathAndQuery;
        String what = "WhatsApp " + method + " " + pathAndQuery.replaceAll("\\?.*", "");
        HttpAnswer answer;
        try {
            answer = http.send(method, url, Map.of("Authorization", "Bearer " + configuration.getAccessToken(),
                    "Accept", "application/json"), body == null ? null : "application/json", body == null ? null : body.toString());
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

    /** Meta's error answer as the domain's exception: retried later, or refused for good with what to do instead. */
    RuntimeException refusal(String what, HttpAnswer answer) {
        JsonNode error = errorOf(answer.body());
        int code = error.path("code").asInt(0);
        String said = error.path("message").asText("").strip();
        String details = error.path("error_data").path("details").asText("").strip();
        String quoted = what + " answered " + answer.status() + (code == 0 ? "" : " (#" + code + ")") + ": "
                + (said.isEmpty() ? abbreviated(answer.body()) : said) + (details.isEmpty() ? "" : " (" + details + ")");
        if (code == PAIR_RATE_LIMIT) {
            return new RateLimitedException(quoted, clock.instant().plus(PAIR_WAIT));
        }
        if (code == THROUGHPUT_LIMIT || answer.status() == 429 || GRAPH_RATE_LIMIT_CODES.contains(code)
                || (code >= 80000 && code < 80100)) {
            return new RateLimitedException(quoted, clock.instant().plus(DEFAULT_WAIT));
        }
        if (answer.status() >= 500 || answer.status() == 0 || code == 1 || code == 2 || code == 131000
                || error.path("is_transient").asBoolean(false)) {
            return new NetworkUnavailableException(quoted);
        }
        return new PostRejectedException(quoted + advice(code));
    }

    /** What the agent (or the administrator) can do instead, after what Meta said. */
    static String advice(int code) {
        return switch (code) {
            case 132000 -> ". The template's placeholders and the values given differ: write one line per placeholder"
                    + " in the reply's text, in order, and send it again";
            case 132001 -> ". WhatsApp knows no approved template of that name in that language (deleted, renamed or"
                    + " not approved yet): pick another in Social Template; the list follows WhatsApp's within minutes";
            case 132018 -> ". A template value may hold no line break, tab or more than four spaces in a row: shorten"
                    + " the value and send it again";
            case 131047 -> ". More than 24 hours have passed since the customer last wrote: pick an approved template in"
                    + " Social Template, or wait until they write again";
            case 131026 -> ". This number cannot receive the message (no WhatsApp, an old app, or it blocked the"
                    + " business): reach the customer another way";
            case 190 -> ". The access token was refused (expired or revoked): put a new system user token as accessToken"
                    + " in " + SETTINGS_FILE;
            case 200, 10, 3 -> ". The token lacks a permission (whatsapp_business_messaging, whatsapp_business_management):"
                    + " grant it to the system user and put the new token as accessToken in " + SETTINGS_FILE;
            case 100 -> ". Meta refused a parameter: check phoneNumberId and businessAccountId in " + SETTINGS_FILE
                    + ", and that the reply holds at most 4096 characters";
            default -> ". Meta refused it; the message was not sent";
        };
    }

    private JsonNode errorOf(String body) {
        try {
            return json.readTree(body).path("error");
        } catch (IOException | RuntimeException e) {
            return json.missingNode();
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) : body;
    }
}
