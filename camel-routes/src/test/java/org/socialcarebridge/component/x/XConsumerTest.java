package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.component.SocialCareHeaders;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.routes.intake.IntakeRoutes;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * {@code x:mentions} against the X simulator: each mention is one exchange through the route, oldest
 * first; the cursor moves only past exchanges the route processed; a rate limit quiets the consumer.
 * The route here notes what passes and fails on demand, then goes to the intake as in XRoutes.
 */
class XConsumerTest {
    static final String TOKEN = "brand-secret";
    final ObjectMapper json = new ObjectMapper();
    final HttpClient customers = HttpClient.newHttpClient();
    final Health health = new Health();
    final List<String> passed = new CopyOnWriteArrayList<>();
    final Set<String> failOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    XSimulator sim;
    DefaultCamelContext camel;
    Database db;
    FeedConsumer mentions;

    @BeforeEach
    void start() throws Exception {
        sim = XSimulator.start(0, "acme", TOKEN);
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        Intake intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        camel = new DefaultCamelContext();
        XConfiguration configuration = XConfiguration.from(XSettings.from(Map.of("baseUrl", sim.baseUrl(), "bearerToken", TOKEN,
                "brandHandle", "acme", "maxResults", "10")));
        XComponent x = new XComponent(configuration, new XApi(new HttpCall(camel), configuration, json));
        x.setListening(new Listening(Network.X, intake, db, health.channel("x"), Clock.systemUTC()));
        camel.addComponent("x", x);
        camel.addRoutes(new IntakeRoutes(intake));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("x:mentions?startScheduler=false").routeId("x-mentions")
                        .process(e -> {
                            String id = e.getMessage().getHeader(SocialCareHeaders.MESSAGE_ID, String.class);
                            assertEquals(id, e.getMessage().getBody(InboundMessage.class).messageId());
                            passed.add(id);
                            if (failOn.contains(id)) {
                                throw new IllegalStateException("the route failed on " + id);
                            }
                        })
                        .to(IntakeRoutes.URI);
            }
        });
        camel.start();
        mentions = (FeedConsumer) camel.getRoute("x-mentions").getConsumer();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        db.close();
        sim.close();
    }

    JsonNode call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = customers.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    String mention(String handle, String text) throws Exception {
        return call("POST", "/2/tweets", "sim-user:" + handle, json.createObjectNode().put("text", text).toString())
                .path("data").path("id").asText();
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "x:" + id));
    }

    @Test
    void eachMentionIsOneExchangeOldestFirstAndTheCursorMovesPastThem() throws Exception {
        String first = mention("ana", "@acme one");
        String second = mention("ben", "@acme two");
        String third = mention("cy", "@acme three");
        assertEquals(3, mentions.poll());
        assertEquals(List.of(first, second, third), passed);
        assertEquals(LedgerState.RECEIVED, entry(second).state());
        assertEquals(third, db.cursor("x:mentions"));
        assertEquals(0, mentions.poll(), "nothing new: no exchange");
        assertEquals(3, passed.size());
    }

    @Test
    void aFailedExchangeStopsTheCursorAndIsReadAgainNextPoll() throws Exception {
        String first = mention("ana", "@acme one");
        String second = mention("ben", "@acme two");
        String third = mention("cy", "@acme three");
        failOn.add(second);
        assertEquals(0, mentions.poll(), "the poll failed");
        assertEquals(LedgerState.RECEIVED, entry(first).state(), "the one before the failure is recorded");
        assertEquals(List.of(first, second), passed, "nothing after the failed exchange is sent");
        assertNull(entry(second));
        assertNull(db.cursor("x:mentions"), "the cursor does not move past a failed exchange");
        assertEquals("failing", health.channel("x").toMap().get("state"));
        assertTrue(String.valueOf(health.channel("x").toMap().get("lastError")).contains("the route failed on " + second));

        failOn.clear();
        assertEquals(2, mentions.poll(), "the failed one and the one after it, each recorded once");
        assertEquals(List.of(first, second, first, second, third), passed);
        assertEquals(LedgerState.RECEIVED, entry(second).state());
        assertEquals(third, db.cursor("x:mentions"));
        assertEquals("running", health.channel("x").toMap().get("state"));
    }

    @Test
    void aRateLimitQuietsTheConsumerUntilTheReset() throws Exception {
        mentions.poll(); // learns the brand
        String brandId = call("GET", "/2/users/me", TOKEN, null).path("data").path("id").asText();
        call("POST", "/sim/faults", null, "{\"path\":\"/2/users/" + brandId + "/mentions\",\"method\":\"GET\",\"status\":429,"
                + "\"count\":1,\"resetSeconds\":60}");
        mention("dee", "@acme hello?");
        assertEquals(0, mentions.poll());
        assertNotNull(health.channel("x").toMap().get("rateLimitedUntil"));
        long asked = call("GET", "/sim/requests", null, null).size();
        assertEquals(0, mentions.poll(), "quiet until the reset");
        assertEquals(asked, call("GET", "/sim/requests", null, null).size(), "not one call to X meanwhile");
        assertTrue(passed.isEmpty(), "no exchange while quiet");
    }
}
