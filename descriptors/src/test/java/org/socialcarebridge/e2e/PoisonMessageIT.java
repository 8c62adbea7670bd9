package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Nothing one message does stops the others: the poison DM of issue 20 (7,525 characters of mentions,
 * a valid X DM), a normal DM after it (filed after it: a feed keeps its order) and a mention all become
 * tickets, with health honest; a Mastodon notification no mapper can read becomes a dead letter, listed
 * with its reason by the admin API, on the health endpoint and in RT's Social Ops queue, then discarded;
 * a dead letter the help desk refused is retried once its cause is fixed, and filed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonMessageIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("poison").withMastodon().withAdminToken();
    static final String X_TOKEN = fixture.xToken();
    static final String M_TOKEN = fixture.mastodonToken();
    static final String ADMIN = fixture.adminToken();
    static final Duration SOON = Duration.ofSeconds(60);
    static final String RUN = "p" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static final String DEAD_LETTER_ALERT = "Dead letters: messages Social Care Bridge could not file";

    static XSimulator xSimulator;
    static MastodonSimulator mastodonSimulator;
    static XSim x;
    static Karaf karaf;
    static Rt root;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        xSimulator = fixture.xSimulator();
        mastodonSimulator = fixture.mastodonSimulator();
        x = fixture.x();
        karaf = fixture.karaf();
        root = RtAccounts.ofThisRun().admin.login();
        karaf.awaitRunning(SOON, "x", "mastodon");
    }

    static HttpResponse<String> admin(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8181/socialcare/dead-letters" + path))
                .header("Authorization", "Bearer " + ADMIN).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode deadLetters() throws Exception {
        HttpResponse<String> r = admin("GET", "?limit=100");
        assertEquals(200, r.statusCode(), r.body());
        return Rt.JSON.readTree(r.body());
    }

    /** The dead letter whose text holds the marker, if listed. */
    static Optional<JsonNode> deadLetterWith(String marker) {
        try {
            for (JsonNode m : deadLetters().path("messages")) {
                if (m.path("text").asText().contains(marker)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every timer route on the health board without a problem: none died on the way. */
    static void assertRoutesHealthy(JsonNode health) {
        int routes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = health.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            if (channel.getKey().startsWith("route:")) {
                routes++;
                assertTrue(channel.getValue().path("problem").isNull(), channel.getKey() + ": " + channel.getValue());
            }
        }
        assertTrue(health.path("channels").has("route:rt-filing"), "filing's timer is watched: " + health);
        assertTrue(routes > 5, "every timer route is watched: " + health);
    }

    @Test
    @Order(1)
    void thePoisonDirectMessageAndTheMentionAfterItAreBothTicketsInOrder() throws Exception {
        String handle = "poison_" + RUN;
        String poison = "@acme " + "@x ".repeat(2500) + "my router is broken";
        assertEquals(7525, poison.length());
        String dm = x.dm(handle, xSimulator.brandId(), poison);
        String nextDm = x.dm("next_" + RUN, xSimulator.brandId(), "my refund " + RUN + " has not come");
        String mention = x.tweet("after_" + RUN, "@acme my order " + RUN + " never arrived", null);

        long dmTicket = Await.until("a ticket for the poison DM", SOON, () -> root.ticketForConversation("x:dm:" + dm));
        long nextDmTicket = Await.until("a ticket for the DM after it", SOON,
                () -> root.ticketForConversation("x:dm:" + nextDm));
        Await.until("a ticket for the mention after it", SOON, () -> root.ticketForConversation("x:" + mention));
        // Two customers are filed side by side (issue 17): no order between them; the poison blocks nothing.
        assertTrue(dmTicket != nextDmTicket, "each DM on a ticket of its own: " + dmTicket + ", " + nextDmTicket);
        assertEquals(1, root.ticketsForConversation("x:dm:" + dm).size(), "one ticket for the DM");
        String subject = root.ticket(dmTicket).path("Subject").asText();
        assertTrue(subject.startsWith("X DM: ") && subject.contains("router"), subject);
        assertTrue(subject.length() < 120, "the subject is one short line: " + subject.length());

        JsonNode health = karaf.health();
        assertEquals(0, health.path("deadLetters").asLong(), "a valid DM is no dead letter: " + health);
        assertEquals("running", health.path("channels").path("x").path("state").asText(), health.toString());
        assertEquals("running", health.path("channels").path("rt").path("state").asText(), health.toString());
        assertRoutesHealthy(health);
    }

    @Test
    @Order(2)
    void anUnreadableNotificationIsADeadLetterShownEverywhereThenDiscarded() throws Exception {
        String marker = "unreadable-" + RUN;
        // A mention whose status and notification have no account: no mapper can say who wrote it.
        String raw = "{\"type\": \"mention\", \"created_at\": \"" + Instant.now() + "\", \"status\": {\"id\": \""
                + System.currentTimeMillis() + "1\", \"created_at\": \"" + Instant.now() + "\", \"visibility\": \"public\","
                + " \"content\": \"<p>@acme " + marker + " help</p>\", \"mentions\": []}}";
        HttpResponse<String> injected = http.send(HttpRequest.newBuilder(URI.create(mastodonSimulator.baseUrl() + "/sim/notifications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(raw)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, injected.statusCode(), injected.body());
        String normal = new MastodonSim(mastodonSimulator.baseUrl()).postQuickly("fine_" + RUN, "@acme my parcel " + RUN
                + " is late", "public", null);

        JsonNode dead = Await.until("the unreadable notification dead-lettered", SOON, () -> deadLetterWith(marker));
        String key = dead.path("key").asText();
        assertTrue(key.startsWith("mastodon:"), dead.toString());
        assertEquals("mastodon", dead.path("network").asText());
        assertTrue(!dead.path("reason").asText().isBlank(), "a dead letter says why: " + dead);
        assertTrue(dead.path("receivedAt").isTextual() && dead.path("createdAt").isTextual(), dead.toString());
        Await.until("the next message filed all the same", SOON, () -> root.ticketForConversation("mastodon:" + normal));

        JsonNode health = karaf.health();
        assertTrue(health.path("deadLetters").asLong() >= 1, health.toString());
        boolean onHealth = false;
        for (JsonNode r : health.path("deadLetterReasons")) {
            onHealth |= key.equals(r.path("key").asText()) && r.path("reason").asText().equals(dead.path("reason").asText());
        }
        assertTrue(onHealth, "the health endpoint shows it with its reason: " + health);

        String query = "Queue = 'Social Ops' AND Subject = '" + DEAD_LETTER_ALERT + "' AND Status != 'resolved'";
        long alert = Await.until("the dead letter in RT's Social Ops queue", SOON, () -> {
            for (long id : root.tickets(query)) {
                for (JsonNode txn : root.history(id)) {
                    String text = root.content(txn.path("id").asLong());
                    if (text != null && text.contains(key) && text.contains(marker)
                            && text.contains(dead.path("reason").asText())) {
                        return Optional.of(id);
                    }
                }
            }
            return Optional.empty();
        });
        assertEquals(1, root.tickets(query).size(), "one alert while dead letters exist");
        // The administrator's shell lists it too, and refuses to retry what has no message to file.
        String listed = karaf.shell("socialcare:dead-letters 50");
        assertTrue(listed.contains(key) && listed.contains("why: "), listed);
        String refused = karaf.shell("socialcare:retry " + key);
        assertTrue(refused.contains("never read into a message"), refused);

        HttpResponse<String> retry = admin("POST", "/" + key + "/retry");
        assertEquals(409, retry.statusCode(), "nothing to file in an unreadable item: " + retry.body());
        HttpResponse<String> discard = admin("POST", "/" + key + "/discard");
        assertEquals(200, discard.statusCode(), discard.body());
        assertEquals(key, Rt.JSON.readTree(discard.body()).path("discarded").asText());
        assertTrue(deadLetterWith(marker).isEmpty(), "a discarded message leaves the list");
        assertEquals(404, admin("POST", "/mastodon:no-such-" + RUN + "/discard").statusCode());
        assertEquals(409, admin("POST", "/" + key + "/discard").statusCode(), "discarded already: not a dead letter");

        Await.until("the alert resolved once none is left", SOON, () ->
                "resolved".equals(root.ticket(alert).path("Status").asText()) ? Optional.of(true) : Optional.empty());
    }

    @Test
    @Order(3)
    void aDeadLetterTheHelpDeskRefusedIsFiledOnceRetriedAfterTheFix() throws Exception {
        String word = "qz" + RUN;
        karaf.writeEtc("socialcare-triage.yaml", rules("  - name: nowhere\n    when: { words: [" + word + "] }\n"
                + "    then: { queue: No Such Queue " + RUN + " }\n"));
        Await.until("the rules with a queue RT does not have", SOON, () -> decide("@acme " + word + " please help")
                .path("queue").asText().startsWith("No Such Queue") ? Optional.of(true) : Optional.empty());
        String id = x.tweet("refused_" + RUN, "@acme " + word + " please help", null);
        JsonNode dead = Await.until("the refused message dead-lettered", SOON, () -> deadLetterWith(word));
        assertEquals("x:" + id, dead.path("key").asText());
        assertTrue(dead.path("reason").asText().contains("refused"), dead.toString());
        assertTrue(root.ticketsForConversation("x:" + id).isEmpty());

        karaf.writeEtc("socialcare-triage.yaml", rules(""));
        Await.until("the fixed rules in force", SOON, () -> "Social".equals(decide("@acme " + word + " please help")
                .path("queue").asText()) ? Optional.of(true) : Optional.empty());
        HttpResponse<String> retry = admin("POST", "/x:" + id + "/retry");
        assertEquals(202, retry.statusCode(), retry.body());
        assertEquals("x:" + id, Rt.JSON.readTree(retry.body()).path("retried").asText());
        Await.until("the retried message filed", SOON, () -> root.ticketForConversation("x:" + id));
        assertEquals(1, root.ticketsForConversation("x:" + id).size());
        assertTrue(deadLetterWith(word).isEmpty());
    }

    /** Triage's dry run for a text: the decision in force, touching nothing. */
    static JsonNode decide(String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8181/socialcare/triage/decide"))
                    .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Rt.JSON.createObjectNode().put("text", text).toString())).build();
            return Rt.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped rules' shape with one extra rule first. */
    static String rules(String extra) {
        return "tiers:\n  P1: { respondWithin: 30m, clock: always, priority: 90 }\n"
                + "  P2: { respondWithin: 4h, clock: always, priority: 50 }\n"
                + "  P3: { respondWithin: 1d, clock: always, priority: 20 }\n"
                + "defaults: { queue: Social, tier: P2 }\n"
                + "rules:\n" + extra
                + "  - name: noise\n    when: { noise: true }\n    then: { action: record, stop: true }\n";
    }
}
