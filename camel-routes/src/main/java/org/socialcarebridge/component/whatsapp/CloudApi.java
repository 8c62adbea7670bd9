package org.socialcarebridge.component.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The WhatsApp Cloud API (Graph v23.0) calls of one business number with the system user's token. The call,
 * Meta's errors as the domain's and paging are {@link GraphCall}'s, as for Facebook and Instagram; WhatsApp
 * adds its own per-number rate limits and its advice after a refusal ({@link #PRODUCT}).
 */
public final class CloudApi {
    /** Where an administrator fixes a refused token or id. */
    static final String SETTINGS_FILE = WhatsAppSettings.FILE;
    /** Over 80 messages a second from the number (the Cloud API's throughput). */
    static final int THROUGHPUT_LIMIT = 130429;
    static final Duration THROUGHPUT_WAIT = Duration.ofMinutes(1);
    /** Too many messages to one customer: more than 45 within 6 s, then 1 per 6 s. */
    static final int PAIR_RATE_LIMIT = 131056;
    static final Duration PAIR_WAIT = Duration.ofSeconds(6);
    static final GraphCall.Product PRODUCT = new GraphCall.Product("WhatsApp",
            Map.of(THROUGHPUT_LIMIT, THROUGHPUT_WAIT, PAIR_RATE_LIMIT, PAIR_WAIT), (code, subcode) -> advice(code));

    private final GraphCall graph;
    private final WhatsAppConfiguration configuration;
    private final ObjectMapper json;

    public CloudApi(HttpCall http, WhatsAppConfiguration configuration, ObjectMapper json, Clock clock) {
        this.graph = new GraphCall(http, json, configuration.getBaseUrl(), configuration.getAccessToken(), PRODUCT, clock);
        this.configuration = configuration;
        this.json = json;
    }

    /** A free-text message to a customer's wa_id; the wamid WhatsApp gave it. */
    public String sendText(String waId, String text) {
        ObjectNode body = message(waId, "text");
        body.putObject("text").put("body", text).put("preview_url", false);
        return wamid(graph.call("POST", messagesEdge(), body), "text message to " + waId);
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
        return wamid(graph.call("POST", messagesEdge(), body), "template " + template.name() + " to " + waId);
    }

    /** Marks a customer's message read: its blue ticks, and every earlier message of theirs with it. */
    public void markRead(String wamid) {
        ObjectNode body = json.createObjectNode().put("messaging_product", "whatsapp").put("status", "read")
                .put("message_id", wamid);
        graph.call("POST", messagesEdge(), body);
    }

    /**
     * One page of the business account's templates, all statuses: {@code data[]} of {@code {name, status,
     * language, components[]}} and {@code paging}. {@code after} is the previous page's cursor, or null.
     */
    public JsonNode templates(String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", "name,status,language,components");
        return graph.call("GET", "/" + HttpCall.encode(configuration.getBusinessAccountId()) + "/message_templates?"
                + GraphCall.paged(q, after), null);
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
}
