package org.socialcarebridge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The real RT, driven over REST2 as an agent or an administrator would (a session per user). */
final class Rt {
    static final String URL = System.getProperty("rt.url", "http://127.0.0.1:" + EndToEnd.RT_PORT);
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String cookie;

    Rt(String user, String password) {
        this.cookie = login(user, password).orElseThrow(() -> new IllegalStateException("RT refused the login of " + user
                + ": wrong password, or the user is disabled (the tests' users come from RtAccounts)"));
    }

    /** Whether RT lets this user in with this password. */
    static boolean acceptsLogin(String user, String password) {
        return login(user, password).isPresent();
    }

    /**
     * RT hands out a session cookie whether or not the password was right, so the session is tried
     * on REST2, which answers 401 to a session nobody logged in to.
     */
    private static Optional<String> login(String user, String password) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(URL + "/NoAuth/Login.html"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", URL + "/")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + enc(user) + "&pass=" + enc(password))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> cookie = login.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                    .filter(c -> c.startsWith("RT_SID_")).findFirst();
            if (cookie.isEmpty()) {
                return Optional.empty();
            }
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(URL + "/REST/2.0/rt"))
                    .header("Cookie", cookie.get()).header("Accept", "application/json").header("Referer", URL + "/").build(),
                    HttpResponse.BodyHandlers.ofString());
            return me.statusCode() == 200 ? cookie : Optional.empty();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("RT is not reachable at " + URL + " (./socialcare test starts it): " + e, e);
        }
    }

    /**
     * The secret RT sends with its notifications to the plugin, from RT's site config (written by
     * provisioning); the tests run as root on RT's host.
     */
    static String notifySecret() {
        Path file = Path.of(System.getProperty("rt.notifySecretFile", "/etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm"));
        String config;
        try {
            config = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read RT's notification secret from " + file + " (" + e
                    + "); provision RT first: ./socialcare provision (descriptors/host/rt/provision.sh)", e);
        }
        Matcher m = Pattern.compile("\\$SocialCareNotifySecret\\s*,\\s*['\"]([0-9a-fA-F]{64})['\"]").matcher(config);
        if (!m.find()) {
            throw new IllegalStateException(file + " holds no Set($SocialCareNotifySecret, '<64 hex characters>');"
                    + " provision RT again: ./socialcare provision");
        }
        return m.group(1);
    }

    /** The session cookie, for pages outside REST2 (RT's own web forms). */
    String cookie() {
        return cookie;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode send(String method, String path, JsonNode body) {
        HttpResponse<String> r = call(method, path, body);
        if (r.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        try {
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + r.body(), e);
        }
    }

    /** The REST2 call as RT answered it, refusals included. */
    HttpResponse<String> call(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + "/REST/2.0" + path))
                    .header("Cookie", cookie).header("Accept", "application/json").timeout(Duration.ofSeconds(30))
                    // Debian's RT 5.0.3 (deb12u7) puts cookie sessions on REST2 under its CSRF check, as the plugin's own client knows.
                    .header("Referer", URL + "/");
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    /** Tickets in any queue (triage routes to several) whose Social Conversation ID is this key. */
    List<Long> ticketsForConversation(String key) {
        return tickets("'CF.{Social Conversation ID}' = '" + key + "'");
    }

    /** The ids of every ticket the TicketSQL query finds, page by page, in id order. */
    List<Long> tickets(String query) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode found = get("/tickets?per_page=100&orderby=id&page=" + page + "&query=" + enc(query));
            for (JsonNode item : found.path("items")) {
                ids.add(item.path("id").asLong());
            }
            if (!found.hasNonNull("next_page")) {
                return ids;
            }
        }
    }

    Optional<Long> ticketForConversation(String key) {
        List<Long> ids = ticketsForConversation(key);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    JsonNode ticket(long id) {
        return get("/ticket/" + id);
    }

    static String field(JsonNode objectWithCustomFields, String name) {
        for (JsonNode cf : objectWithCustomFields.path("CustomFields")) {
            if (name.equals(cf.path("name").asText())) {
                JsonNode first = cf.path("values").path(0);
                // REST2 leaves an empty value where one was cleared: none, as for the plugin.
                return first.isMissingNode() || first.isNull() || first.asText().isEmpty() ? null : first.asText();
            }
        }
        return null;
    }

    /** An agent's reply on RT's reply form, with the Reply Visibility the agent chose. */
    void reply(long ticket, String text, String visibility) {
        reply(ticket, text, visibility, Map.of());
    }

    /** An agent's reply with other fields of the reply form too, e.g. Social Template. */
    void reply(long ticket, String text, String visibility, Map<String, String> fields) {
        ObjectNode body = JSON.createObjectNode().put("Content", text).put("ContentType", "text/plain");
        ObjectNode txnFields = JSON.createObjectNode();
        if (visibility != null) { // null: the agent leaves the choice empty
            txnFields.put("Reply Visibility", visibility);
        }
        fields.forEach(txnFields::put);
        if (!txnFields.isEmpty()) {
            body.set("TxnCustomFields", txnFields);
        }
        send("POST", "/ticket/" + ticket + "/correspond", body);
    }

    /** The values of a custom field (e.g. a select's choices), by name, in their order. */
    List<String> fieldValues(String field) {
        JsonNode found = send("POST", "/customfields", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("field", "Name").put("value", field)));
        JsonNode first = found.path("items").path(0);
        if (first.isMissingNode()) {
            throw new AssertionError("RT has no custom field '" + field + "' this user may see: " + found);
        }
        List<String> names = new ArrayList<>();
        get("/customfield/" + first.path("id").asText() + "/values?per_page=100").path("items")
                .forEach(v -> names.add(v.path("name").asText()));
        return names;
    }

    void comment(long ticket, String text) {
        send("POST", "/ticket/" + ticket + "/comment", JSON.createObjectNode().put("Content", text).put("ContentType", "text/plain"));
    }

    /** The agent's reply with this text once its Social Delivery starts so (posted, refused, delivered…). */
    JsonNode replyDelivered(long ticket, String text, String startsWith, Duration within) {
        return Await.until("Social Delivery '" + startsWith + "…' on the reply '" + text + "'", within, () -> history(ticket)
                .stream().filter(h -> "Correspond".equals(h.path("Type").asText()))
                .filter(h -> field(h, "Social Delivery") != null && field(h, "Social Delivery").startsWith(startsWith))
                .filter(h -> content(h.path("id").asLong()).contains(text)).findFirst());
    }

    /** Waits for a comment on the ticket holding every one of these parts (what the plugin told the agents). */
    void commentSaying(long ticket, String what, Duration within, String... parts) {
        Await.until(what, within, () -> history(ticket).stream().filter(h -> "Comment".equals(h.path("Type").asText()))
                .map(h -> content(h.path("id").asLong()))
                .anyMatch(text -> List.of(parts).stream().allMatch(text::contains)) ? Optional.of(true) : Optional.empty());
    }

    /** Every transaction of the ticket, with type, creator and custom fields. */
    List<JsonNode> history(long ticket) {
        List<JsonNode> txns = new ArrayList<>();
        for (JsonNode item : get("/ticket/" + ticket + "/history?per_page=100").path("items")) {
            txns.add(get("/transaction/" + item.path("id").asText()));
        }
        return txns;
    }

    /** The plain text of a transaction's first text part. */
    String content(long transaction) {
        for (JsonNode item : get("/transaction/" + transaction + "/attachments").path("items")) {
            JsonNode a = get("/attachment/" + item.path("id").asText());
            if (a.path("ContentType").asText().startsWith("text/plain") && a.hasNonNull("Content")) {
                return new String(Base64.getMimeDecoder().decode(a.get("Content").asText()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    Map<String, String> noFields() {
        return Map.of();
    }
}
