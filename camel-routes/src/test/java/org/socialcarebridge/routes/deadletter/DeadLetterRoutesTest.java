package org.socialcarebridge.routes.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.AdminToken;

/** The administrator's dead-letter calls: the exact answers other tools rely on. */
class DeadLetterRoutesTest {
    static final String TOKEN = "dead-letter-admin-token-0123456789";
    final Database db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    final DefaultCamelContext camel = new DefaultCamelContext();
    final ObjectMapper json = new ObjectMapper();
    String base;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/socialcare/dead-letters";
        camel.addRoutes(new DeadLetterRoutes("jetty:http://127.0.0.1:" + port + "/socialcare",
                new DeadLetters(db, Clock.systemUTC()), null, new AdminToken(TOKEN, json)));
        camel.start();
        SocialIdentity alice = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 10, false);
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        db.writing(em -> {
            LedgerEntry e = LedgerEntry.received(new InboundMessage(Network.X, "10", alice, "@acme <b>my router</b>", t, null,
                    "10", Visibility.PRIVATE, null), t.plusSeconds(1));
            e.deadLetter("Could not be processed: java.lang.StackOverflowError", t.plusSeconds(2));
            em.persist(e);
            em.persist(LedgerEntry.unreadable(Network.MASTODON, "900", "{\"type\":\"mention\"}", "no account", t.plusSeconds(3)));
            em.persist(LedgerEntry.received(new InboundMessage(Network.X, "11", alice, "@acme fine", t, null, "11",
                    Visibility.PUBLIC, null), t.plusSeconds(1)));
        });
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        db.close();
    }

    HttpResponse<String> call(String method, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsRetriesDiscardsAndSaysWhatIsWrong() throws Exception {
        assertEquals(401, call("GET", base, null).statusCode());
        HttpResponse<String> list = call("GET", base + "?limit=10", TOKEN);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode body = json.readTree(list.body());
        assertEquals(2, body.path("count").asInt());
        JsonNode newest = body.path("messages").get(0);
        assertEquals("mastodon:900", newest.path("key").asText(), "newest first");
        assertTrue(newest.path("author").isNull());
        JsonNode dm = body.path("messages").get(1);
        assertEquals("x", dm.path("network").asText());
        assertEquals("10", dm.path("messageId").asText());
        assertEquals("x:2001 (@alice)", dm.path("author").asText());
        assertEquals("Could not be processed: java.lang.StackOverflowError", dm.path("reason").asText());
        assertEquals("2026-11-24T10:00:01Z", dm.path("receivedAt").asText());
        assertEquals("2026-11-24T10:00:00Z", dm.path("createdAt").asText());
        assertEquals("@acme <b>my router</b>", dm.path("text").asText());
        assertEquals(1, json.readTree(call("GET", base + "?limit=1", TOKEN).body()).path("messages").size());

        HttpResponse<String> unreadable = call("POST", base + "/mastodon:900/retry", TOKEN);
        assertEquals(409, unreadable.statusCode(), unreadable.body());
        assertTrue(unreadable.body().contains("never read"), unreadable.body());
        HttpResponse<String> notDead = call("POST", base + "/x:11/retry", TOKEN);
        assertEquals(409, notDead.statusCode(), notDead.body());
        assertTrue(notDead.body().contains("not a dead letter"), notDead.body());
        HttpResponse<String> unknown = call("POST", base + "/x:404/discard", TOKEN);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("x:404"), unknown.body());
        assertEquals(400, call("GET", base + "?limit=many", TOKEN).statusCode());

        HttpResponse<String> retried = call("POST", base + "/x:10/retry", TOKEN);
        assertEquals(202, retried.statusCode(), retried.body());
        assertEquals("x:10", json.readTree(retried.body()).path("retried").asText());
        assertEquals(LedgerState.RECEIVED, db.read(em -> em.find(LedgerEntry.class, "x:10")).state());

        HttpResponse<String> discarded = call("POST", base + "/mastodon%3A900/discard", TOKEN);
        assertEquals(200, discarded.statusCode(), discarded.body());
        assertEquals("mastodon:900", json.readTree(discarded.body()).path("discarded").asText());
        assertEquals(LedgerState.DISCARDED, db.read(em -> em.find(LedgerEntry.class, "mastodon:900")).state());
        assertEquals(0, json.readTree(call("GET", base, TOKEN).body()).path("count").asInt());
    }
}
