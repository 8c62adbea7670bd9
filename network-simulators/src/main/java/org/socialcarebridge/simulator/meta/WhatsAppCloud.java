package org.socialcarebridge.simulator.meta;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.simulator.ApiException;
import org.socialcarebridge.simulator.ApiRequest;
import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;

/**
 * The WhatsApp Cloud API of one WhatsApp Business Account with one business number, inside the Meta
 * simulator (its server, clock, webhooks and sent log): customers' messages as
 * {@code whatsapp_business_account} webhooks, text and template sends, mark-as-read, the message
 * templates, and the statuses that follow each accepted send ({@code delivered} then {@code sent}, out
 * of order on purpose). Free text outside the 24-hour customer service window is accepted and then
 * fails by a {@code failed} status with error 131047, as the live API does. Limits: 80 messages a
 * second per number (130429) and a burst of 45 to one customer, then one every 6 seconds (131056).
 * Calls need the system-user token; errors carry {@code error_data.details}.
 */
final class WhatsAppCloud {
    static final String BUSINESS_ACCOUNT_ID = "102000000000001";
    static final String PHONE_NUMBER_ID = "106000000000001";
    static final String DISPLAY_PHONE_NUMBER = "15550001234";
    static final long WINDOW_SECONDS = 24 * 3600;
    static final int MESSAGES_PER_SECOND = 80;
    static final int PAIR_BURST = 45;
    static final long PAIR_REFILL_SECONDS = 6;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");
    private static final Set<String> TEMPLATE_STATUSES = Set.of("APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED");

    record Template(String id, String name, String language, String category, String body, String status) {
        Map<String, Object> json() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", id);
            j.put("name", name);
            j.put("status", status);
            j.put("language", language);
            j.put("category", category);
            j.put("components", List.of(Map.of("type", "BODY", "text", body)));
            return j;
        }

        /** How many parameters a send must give: the distinct {{n}} in the body. */
        int parameters() {
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(body);
            while (m.find()) {
                seen.add(m.group(1));
            }
            return seen.size();
        }

        String render(List<String> values) {
            return PLACEHOLDER.matcher(body).replaceAll(m -> {
                int i = Integer.parseInt(m.group(1)) - 1;
                return Matcher.quoteReplacement(i < values.size() ? values.get(i) : m.group());
            });
        }
    }

    private static final class Customer {
        final String waId;
        String name;
        Instant lastInbound;
        /** 131056's bucket: PAIR_BURST sends, refilled one per PAIR_REFILL_SECONDS. */
        double pairTokens = PAIR_BURST;
        Instant pairRefilled;

        Customer(String waId, String name) {
            this.waId = waId;
            this.name = name;
        }
    }

    private final MetaSimulator sim;
    private final String token;
    // Guarded by sim: one lock for every product, so a send and the shared sent log agree.
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<String, String> outbound = new LinkedHashMap<>();
    private final Set<String> inbound = new LinkedHashSet<>();
    private final List<Map<String, Object>> actions = new ArrayList<>();
    private final Deque<Instant> lastSecond = new ArrayDeque<>();

    WhatsAppCloud(MetaSimulator sim, String token) {
        this.sim = sim;
        this.token = token;
        seed();
    }

    void routes(ApiServer server, int limit) {
        server.route("GET", MetaSimulator.VERSION + "/{id}/message_templates", limit, this::listTemplates);
        server.route("POST", "/sim/whatsapp/messages", 0, this::simMessage);
        server.route("POST", "/sim/whatsapp/statuses", 0, this::simStatus);
        server.route("POST", "/sim/whatsapp/templates", 0, this::simTemplate);
        server.route("GET", "/sim/whatsapp/actions", 0, r -> {
            synchronized (sim) {
                return ApiResponse.json(200, new ArrayList<>(actions));
            }
        });
    }

    /** The WhatsApp Business Account or its phone number: the generic Graph routes hand these ids here. */
    boolean knows(String id) {
        return BUSINESS_ACCOUNT_ID.equals(id) || PHONE_NUMBER_ID.equals(id);
    }

    private void seed() {
        template("order_update", "en_US", "UTILITY", "Hello {{1}}, here is an update on your request: {{2}}", "APPROVED");
        template("follow_up", "en_US", "UTILITY", "We have news about your request: {{1}}. Reply to this message to continue.",
                "APPROVED");
        template("csat_survey", "en_US", "UTILITY", "How did we do, {{1}}? Reply with a number from 1 (poor) to 5 (great).",
                "APPROVED");
        template("spring_sale", "en_US", "MARKETING", "Spring sale: {{1}}", "PENDING");
    }

    private Template template(String name, String language, String category, String body, String status) {
        String key = name + "/" + language;
        Template old = templates.get(key);
        Template t = new Template(old != null ? old.id() : MetaSimulator.derivedId("template:" + key), name, language,
                category, body, status);
        templates.put(key, t);
        return t;
    }

    void reset() {
        customers.clear();
        templates.clear();
        outbound.clear();
        inbound.clear();
        actions.clear();
        lastSecond.clear();
        seed();
    }

    private Map<String, JsonNode> params(ApiRequest r) {
        return sim.params(r, token);
    }

    // ---- reading

    ApiResponse readNode(ApiRequest r) {
        params(r);
        Map<String, Object> j = new LinkedHashMap<>();
        if (PHONE_NUMBER_ID.equals(r.pathParam("id"))) {
            j.put("verified_name", "acme");
            j.put("display_phone_number", DISPLAY_PHONE_NUMBER);
            j.put("quality_rating", "GREEN");
            j.put("code_verification_status", "VERIFIED");
            j.put("id", PHONE_NUMBER_ID);
        } else {
            j.put("id", BUSINESS_ACCOUNT_ID);
            j.put("name", "acme");
            j.put("currency", "USD");
            j.put("message_template_namespace", "sim_" + BUSINESS_ACCOUNT_ID);
        }
        return ApiResponse.json(200, j);
    }

    /** Every template with its status; {@code status=APPROVED} (a comma list) and {@code name} filter, as on Graph. */
    private ApiResponse listTemplates(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        if (!BUSINESS_ACCOUNT_ID.equals(r.pathParam("id"))) {
            throw MetaSimulator.unsupported("get", r.pathParam("id"));
        }
        String status = MetaSimulator.text(p, "status");
        Set<String> statuses = status == null ? null
                : Set.of(status.toUpperCase(Locale.ROOT).replace(" ", "").split(","));
        String name = MetaSimulator.text(p, "name");
        List<Map<String, Object>> items;
        synchronized (sim) {
            items = templates.values().stream().filter(t -> statuses == null || statuses.contains(t.status()))
                    .filter(t -> name == null || t.name().contains(name)).map(Template::json).toList();
        }
        return sim.page(r, p, items);
    }

    // ---- sending

    ApiResponse send(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        if (!PHONE_NUMBER_ID.equals(r.pathParam("id"))) {
            throw MetaSimulator.unsupported("post", r.pathParam("id"));
        }
        if (!"whatsapp".equals(MetaSimulator.text(p, "messaging_product"))) {
            throw refuse(100, "(#100) Invalid parameter", "messaging_product must be \"whatsapp\", got "
                    + MetaSimulator.text(p, "messaging_product"));
        }
        synchronized (sim) {
            if (p.containsKey("status")) {
                return markRead(p);
            }
            String to = MetaSimulator.text(p, "to");
            if (to == null || !to.replace("+", "").matches("\\d{6,15}")) {
                throw refuse(100, "(#100) Invalid parameter", "to must be the customer's phone number or wa_id, digits"
                        + " only, got " + to);
            }
            String waId = to.replace("+", "");
            String type = MetaSimulator.text(p, "type") == null ? "text" : MetaSimulator.text(p, "type");
            Instant now = sim.now();
            throughput(now);
            Map<String, Object> record;
            boolean template;
            String text;
            if ("text".equals(type)) {
                text = p.get("text") == null ? null : p.get("text").path("body").asText(null);
                if (text == null || text.isBlank()) {
                    throw refuse(100, "(#100) The parameter text['body'] is required.", "a text message needs"
                            + " text.body, e.g. {\"text\":{\"body\":\"Hello\"}}");
                }
                if (text.length() > 4096) {
                    throw refuse(100, "(#100) Param text['body'] must be at most 4096 characters long.",
                            "text.body has " + text.length() + " characters");
                }
                pairRate(customer(waId), now);
                record = sim.recordSent("whatsapp", "text", waId, context(p), text, null);
                template = false;
            } else if ("template".equals(type)) {
                JsonNode t = p.get("template");
                String name = t == null ? null : t.path("name").asText(null);
                String language = t == null ? null : t.path("language").path("code").asText(null);
                Template found = name == null || language == null ? null : templates.get(name + "/" + language);
                if (found == null || !"APPROVED".equals(found.status())) {
                    throw refuse(132001, "(#132001) Template name does not exist in the translation", "template name ("
                            + name + ") does not exist in " + language + (found == null ? "" : " (its status is "
                            + found.status() + ", only APPROVED templates can be sent)"));
                }
                List<String> values = parameters(t);
                if (values.size() != found.parameters()) {
                    throw refuse(132000, "(#132000) Number of parameters does not match the expected number of params",
                            "body: number of localizable_params (" + values.size() + ") does not match the expected"
                                    + " number of params (" + found.parameters() + ")");
                }
                for (String v : values) {
                    if (v.contains("\n") || v.contains("\t") || v.contains("     ")) {
                        throw refuse(132018, "(#132018) There was an issue with the parameters in your template.",
                                "Param text cannot have new-line/tab characters or more than 4 consecutive spaces: " + v);
                    }
                }
                pairRate(customer(waId), now);
                text = found.render(values);
                record = sim.recordSent("whatsapp", "template", waId, context(p), text, null);
                record.put("template", found.name());
                record.put("parameters", values);
                template = true;
            } else {
                throw refuse(100, "(#100) Invalid parameter", "the simulator sends type text or template, got " + type);
            }
            lastSecond.addLast(now);
            String wamid = wamid(waId);
            outbound.put(wamid, waId);
            record.put("wamid", wamid);
            Customer c = customers.get(waId);
            boolean inWindow = c != null && c.lastInbound != null
                    && Duration.between(c.lastInbound, now).getSeconds() < WINDOW_SECONDS;
            if (template || inWindow) {
                publishStatus(wamid, waId, "delivered", null);
                publishStatus(wamid, waId, "sent", null);
            } else {
                record.put("error_code", 131047);
                publishStatus(wamid, waId, "failed", 131047);
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", wamid);
            if (template) {
                message.put("message_status", "accepted");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("messaging_product", "whatsapp");
            answer.put("contacts", List.of(Map.of("input", to, "wa_id", waId)));
            answer.put("messages", List.of(message));
            return ApiResponse.json(200, answer);
        }
    }

    private static String context(Map<String, JsonNode> p) {
        JsonNode c = p.get("context");
        return c == null ? null : c.path("message_id").asText(null);
    }

    private static List<String> parameters(JsonNode template) {
        List<String> values = new ArrayList<>();
        for (JsonNode component : template.path("components")) {
            if ("body".equalsIgnoreCase(component.path("type").asText())) {
                component.path("parameters").forEach(v -> values.add(v.path("text").asText("")));
            }
        }
        return values;
    }

    private ApiResponse markRead(Map<String, JsonNode> p) {
        String id = MetaSimulator.text(p, "message_id");
        if (!"read".equals(MetaSimulator.text(p, "status"))) {
            throw refuse(100, "(#100) Invalid parameter", "status must be \"read\", got " + MetaSimulator.text(p, "status"));
        }
        if (id == null || !inbound.contains(id)) {
            throw refuse(100, "(#100) Invalid parameter", "message_id " + id + " is not a message this number received");
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("action", "read");
        a.put("message_id", id);
        a.put("at", sim.now().toString());
        actions.add(a);
        return ApiResponse.json(200, Map.of("success", true));
    }

    /** 130429: at most 80 messages in any second from this number. */
    private void throughput(Instant now) {
        while (!lastSecond.isEmpty() && !lastSecond.peekFirst().isAfter(now.minusSeconds(1))) {
            lastSecond.removeFirst();
        }
        if (lastSecond.size() >= MESSAGES_PER_SECOND) {
            throw refuse(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached: "
                    + MESSAGES_PER_SECOND + " messages per second from " + DISPLAY_PHONE_NUMBER + "; retry later");
        }
    }

    /** 131056: a burst of 45 to one customer, then one every 6 seconds. */
    private void pairRate(Customer c, Instant now) {
        if (c.pairRefilled != null) {
            double refill = Duration.between(c.pairRefilled, now).toMillis() / (PAIR_REFILL_SECONDS * 1000.0);
            c.pairTokens = Math.min(PAIR_BURST, c.pairTokens + refill);
        }
        c.pairRefilled = now;
        if (c.pairTokens < 1) {
            throw refuse(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                    "Message failed to send because there were too many messages sent from this phone number to the"
                            + " same phone number " + c.waId + " in a short period of time; retry in "
                            + PAIR_REFILL_SECONDS + " seconds");
        }
        c.pairTokens -= 1;
    }

    private Customer customer(String waId) {
        return customers.computeIfAbsent(waId, k -> new Customer(k, k));
    }

    private String wamid(String waId) {
        return "wamid." + Base64.getEncoder().withoutPadding().encodeToString(("sim:" + waId + ":" + sim.nextNumber())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException refuse(int code, String message, String details) {
        return new ApiException(MetaDialect.graph(400, code, null, "OAuthException", message, false,
                Map.of("messaging_product", "whatsapp", "details", details)));
    }

    // ---- webhooks

    private Map<String, Object> value() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", DISPLAY_PHONE_NUMBER, "phone_number_id", PHONE_NUMBER_ID));
        return value;
    }

    private void publish(Map<String, Object> value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", "messages");
        change.put("value", value);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", BUSINESS_ACCOUNT_ID);
        entry.put("changes", new ArrayList<>(List.of(change)));
        sim.webhooks.publish(new MetaWebhooks.Entry(MetaWebhooks.WHATSAPP, "messages", entry));
    }

    private Map<String, Object> publishStatus(String wamid, String waId, String status, Integer errorCode) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", wamid);
        s.put("status", status);
        s.put("timestamp", String.valueOf(sim.now().getEpochSecond()));
        s.put("recipient_id", waId);
        if (!"failed".equals(status)) {
            s.put("conversation", Map.of("id", MetaSimulator.derivedId("conversation:" + waId),
                    "origin", Map.of("type", "service")));
            s.put("pricing", Map.of("billable", true, "pricing_model", "PMP", "category", "service"));
        } else {
            int code = errorCode == null ? 131047 : errorCode;
            String title = switch (code) {
                case 131047 -> "Re-engagement message";
                case 131026 -> "Message undeliverable";
                case 131049 -> "This message was not delivered to maintain healthy ecosystem engagement.";
                default -> "Something went wrong";
            };
            String details = code == 131047
                    ? "Message failed to send because more than 24 hours have passed since the customer last replied to"
                            + " this number."
                    : title;
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("title", title);
            error.put("message", title);
            error.put("error_data", Map.of("details", details));
            error.put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
            s.put("errors", List.of(error));
        }
        Map<String, Object> value = value();
        value.put("statuses", new ArrayList<>(List.of(s)));
        publish(value);
        return s;
    }

    /**
     * Adds one queued WhatsApp entry to a batch being formed, as Meta groups them: into the last entry
     * while the kind (messages, statuses) stays the same, and into its last change while the sender does;
     * so a receiver that reads only {@code entry[0].changes[0].messages[0]} loses messages.
     */
    @SuppressWarnings("unchecked")
    static void group(List<Map<String, Object>> entries, Map<String, Object> entry) {
        Map<String, Object> change = ((List<Map<String, Object>>) entry.get("changes")).get(0);
        Map<String, Object> value = (Map<String, Object>) change.get("value");
        String kind = value.containsKey("statuses") ? "statuses" : "messages";
        Map<String, Object> last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && last.get("id").equals(entry.get("id"))) {
            List<Map<String, Object>> changes = (List<Map<String, Object>>) last.get("changes");
            Map<String, Object> lastValue = (Map<String, Object>) changes.get(changes.size() - 1).get("value");
            if (lastValue.containsKey(kind)) {
                if ("statuses".equals(kind) || sender(lastValue).equals(sender(value))) {
                    ((List<Object>) lastValue.get(kind)).addAll((List<Object>) value.get(kind));
                } else {
                    changes.add(change);
                }
                return;
            }
        }
        entries.add(entry);
    }

    @SuppressWarnings("unchecked")
    private static String sender(Map<String, Object> value) {
        return String.valueOf(((List<Map<String, Object>>) value.get("contacts")).get(0).get("wa_id"));
    }

    // ---- control API

    private ApiResponse simMessage(ApiRequest r) {
        JsonNode b = sim.jsonBody(r);
        String from = b.path("from").asText("").replace("+", "");
        String name = b.path("name").asText("");
        String text = b.path("text").asText("");
        if (!from.matches("\\d{6,15}") || text.isBlank()) {
            throw MetaSimulator.control("a WhatsApp message needs 'from' (the customer's number, digits only), 'text' and"
                    + " optionally 'name', e.g. {\"from\":\"31612345678\",\"name\":\"Olga\",\"text\":\"Where is my order?\"};"
                    + " got from=" + b.path("from").asText(""));
        }
        synchronized (sim) {
            Customer c = customer(from);
            if (!name.isBlank()) {
                c.name = name;
            }
            Instant at = sim.written(b);
            c.lastInbound = c.lastInbound == null || at.isAfter(c.lastInbound) ? at : c.lastInbound;
            String wamid = wamid(from);
            inbound.add(wamid);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("from", from);
            message.put("id", wamid);
            message.put("timestamp", String.valueOf(at.getEpochSecond()));
            message.put("type", "text");
            message.put("text", Map.of("body", text));
            Map<String, Object> value = value();
            value.put("contacts", new ArrayList<>(List.of(Map.of("profile", Map.of("name", c.name), "wa_id", from))));
            value.put("messages", new ArrayList<>(List.of(message)));
            publish(value);
            return ApiResponse.json(201, Map.of("wa_id", from, "wamid", wamid));
        }
    }

    private ApiResponse simStatus(ApiRequest r) {
        JsonNode b = sim.jsonBody(r);
        String wamid = b.path("wamid").asText("");
        String status = b.path("status").asText("");
        if (!Set.of("sent", "delivered", "read", "failed").contains(status)) {
            throw MetaSimulator.control("a status is {\"wamid\":\"<from GET /sim/sent>\",\"status\":\"delivered\"|\"read\""
                    + "|\"failed\",\"error_code\":131047}; got status=" + status);
        }
        if (b.has("error_code") && !"failed".equals(status)) {
            throw MetaSimulator.control("error_code goes with status failed only; got status=" + status);
        }
        synchronized (sim) {
            String waId = outbound.get(wamid);
            if (waId == null) {
                throw MetaSimulator.control("no message " + wamid + " was sent; use a wamid that GET /sim/sent lists");
            }
            Integer code = b.hasNonNull("error_code") ? b.get("error_code").asInt() : null;
            return ApiResponse.json(201, publishStatus(wamid, waId, status, code));
        }
    }

    private ApiResponse simTemplate(ApiRequest r) {
        JsonNode b = sim.jsonBody(r);
        String name = b.path("name").asText("");
        String language = b.path("language").asText("en_US");
        String body = b.path("body").asText("");
        String status = b.path("status").asText("APPROVED").toUpperCase(Locale.ROOT);
        if (!name.matches("[a-z0-9_]{1,512}") || body.isBlank() || !TEMPLATE_STATUSES.contains(status)) {
            throw MetaSimulator.control("a template is {\"name\":\"order_update\" (lower case, digits, _),"
                    + " \"language\":\"en_US\",\"body\":\"Hello {{1}}\",\"status\":\"APPROVED\"} with status one of "
                    + new java.util.TreeSet<>(TEMPLATE_STATUSES) + "; got name=" + name + ", status=" + status);
        }
        synchronized (sim) {
            return ApiResponse.json(201, template(name, language, b.path("category").asText("UTILITY"), body, status).json());
        }
    }
}
