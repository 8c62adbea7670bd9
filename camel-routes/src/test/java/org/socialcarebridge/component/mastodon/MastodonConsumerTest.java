package org.socialcarebridge.component.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;

/**
 * {@code mastodon:mentions} against the Mastodon simulator, which can serve a notification no mapper can
 * read: the intake route's dead-letter path keeps it, and the mention after it is still recorded.
 */
class MastodonConsumerTest {
    static final String TOKEN = "brand-secret";
    final ObjectMapper json = new ObjectMapper();
    final HttpClient customers = HttpClient.newHttpClient();
    final Health health = new Health();
    MastodonSimulator sim;
    DefaultCamelContext camel;
    Database db;
    HandPoll poller;

    @BeforeEach
    void start() throws Exception {
        sim = MastodonSimulator.start(0, "acme", TOKEN, 1);
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        Intake intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        camel = new DefaultCamelContext();
        camel.start();
        MastodonConfiguration configuration = MastodonConfiguration.from(MastodonSettings.from(Map.of("baseUrl", sim.baseUrl(),
                "accessToken", TOKEN)));
        MastodonComponent mastodon = new MastodonComponent(configuration, new MastodonApi(new HttpCall(camel), configuration, json));
        mastodon.setListening(new Listening(Network.MASTODON, intake, db, health.channel("mastodon"), Clock.systemUTC()));
        camel.addComponent("mastodon", mastodon);
        poller = new HandPoll(camel, intake).feed("mastodon:mentions", "mastodon-mentions");
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        db.close();
        sim.close();
    }

    HttpResponse<String> send(String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return customers.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<LedgerEntry> ledger() {
        return db.read(em -> em.createQuery("select e from LedgerEntry e", LedgerEntry.class).getResultList());
    }

    @Test
    void anUnreadableNotificationIsDeadLetteredAndTheNextMentionIsStillRecorded() throws Exception {
        assertEquals(0, poller.poll(), "a first start with nothing to read");
        // A mention whose status has no account: no mapper can say who wrote it.
        String raw = "{\"type\": \"mention\", \"created_at\": \"" + Instant.now() + "\", \"status\": {\"id\": \"777\","
                + " \"created_at\": \"" + Instant.now() + "\", \"visibility\": \"public\", \"content\": \"<p>@acme help</p>\"}}";
        assertEquals(200, send("/sim/notifications", null, raw).statusCode());
        String fine = json.readTree(send("/api/v1/statuses", "sim-user:carol", "{\"status\":\"@acme my parcel\","
                + "\"visibility\":\"public\"}").body()).path("id").asText();

        assertEquals(1, poller.poll(), "the readable mention is new to the ledger");
        LedgerEntry dead = db.read(em -> em.find(LedgerEntry.class, "mastodon:777"));
        assertEquals(LedgerState.DEAD_LETTER, dead.state(), ledger().toString());
        assertTrue(dead.text().contains("@acme help"), "kept as it arrived: " + dead.text());
        assertTrue(dead.lastError() != null && !dead.lastError().isBlank(), "says why");
        assertEquals(LedgerState.RECEIVED, db.read(em -> em.find(LedgerEntry.class, "mastodon:" + fine)).state());
        assertEquals("running", health.channel("mastodon").toMap().get("state"), "one unreadable item never stops the channel");
        assertEquals(0, poller.poll(), "the cursor moved past both");
    }
}
