package org.socialcarebridge.component.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.component.webhook.MetaWebhookSettings;
import org.socialcarebridge.component.webhook.WebhookDispatch;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.health.ChannelWatch;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.meta.MetaSimulator;

/**
 * Recovery and the subscription check against the Meta simulator on a free port, into an H2 ledger. The
 * plugin's webhook receiver is started only when a test wants Meta's deliveries to succeed: until then
 * they fail, as while the plugin is down, and after an hour of failures on the simulator's clock Meta
 * unsubscribes the app.
 */
class FacebookRecoveryTest {
    // Random per run: the simulator has no default secrets, and none is written into the tests.
    static final String SECRET = UUID.randomUUID().toString().replace("-", "");
    static final String VERIFY = "verify-token-" + UUID.randomUUID();
    static final String PAGE_TOKEN = "page-token-" + UUID.randomUUID();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    /** The Graph API calls' context, always running. */
    final DefaultCamelContext calls = new DefaultCamelContext();
    /** The webhook receiver's context, started when the plugin is "up". */
    final DefaultCamelContext receiver = new DefaultCamelContext();
    final Health health = new Health();
    final RecordingHost host = new RecordingHost();
    Database db;
    Intake intake;
    MetaSimulator sim;
    GraphApi graph;
    int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0)
                .withCallbackUrl("http://127.0.0.1:" + port + "/socialcare/webhooks/meta")
                .withSecrets(PAGE_TOKEN, SECRET, VERIFY).withWhatsAppToken("whatsapp-token-" + java.util.UUID.randomUUID()));
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        calls.start();
        graph = graph(PAGE_TOKEN);
        WebhookDispatch dispatch = new WebhookDispatch(intake, json);
        dispatch.take(FacebookWebhookHandler.OBJECT, new FacebookWebhookHandler(intake, sim.pageId(), new MessageContext(graph)));
        receiver.addRoutes(WebhookRoutes.meta("jetty:http://127.0.0.1:" + port + "/socialcare",
                MetaWebhookSettings.from(Map.of("appSecret", SECRET, "verifyToken", VERIFY)),
                dispatch, health, json, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        calls.close();
        if (sim != null) {
            sim.close();
        }
        if (db != null) {
            db.close();
        }
    }

    GraphApi graph(String token) {
        FacebookConfiguration c = new FacebookConfiguration();
        c.setBaseUrl(sim.baseUrl());
        c.setPageId(sim.pageId());
        c.setPageToken(token);
        return new GraphApi(new HttpCall(calls), c, json);
    }

    FacebookRecovery recovery(int pagesPerRun) {
        return new FacebookRecovery(graph, intake, db, sim.pageId(), Duration.ofHours(24), pagesPerRun, Clock.systemUTC());
    }

    @Test
    void whatTheWebhookCouldNotDeliverIsRecoveredOnceAndARetryAfterwardsAddsNothing() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        String post = olga.get("post_id").asText();
        JsonNode bob = control("POST", "/sim/facebook/comments", "{\"from\":\"Bob\",\"text\":\"Same here\","
                + "\"parent_comment_id\":\"" + olga.get("comment_id").asText() + "\"}");
        graph.replyToComment(olga.get("comment_id").asText(), "Sorry, Olga: we are looking into it");
        JsonNode dm = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Order 1234\"}");
        graph.sendMessage(dm.get("psid").asText(), "Thanks, we found it", null);
        sim.deliverDue();
        assertTrue(control("GET", "/sim/webhooks", null).findValuesAsText("status").stream().allMatch("failed"::equals),
                "the plugin is down: every delivery failed");
        assertEquals(0, ledgerSize());

        FacebookRecovery recovery = recovery(50);
        FacebookRecovery.Run first = recovery.run();
        assertTrue(first.passComplete());
        assertEquals(3, first.fresh(), "Olga's comment, Bob's reply to it and Olga's message; not the Page's two answers");
        assertEquals(3, ledgerSize());
        LedgerEntry comment = entry(olga.get("comment_id").asText());
        assertEquals(post + ":" + olga.get("from_id").asText(), comment.message().conversationId());
        assertEquals("My order is late", comment.text());
        assertEquals(post + ":" + bob.get("from_id").asText(), entry(bob.get("comment_id").asText()).message().conversationId(),
                "a reply to someone else's comment is its author's own conversation, as from the webhook");
        assertEquals("Order 1234", entry(dm.get("mid").asText()).text());
        Instant mark = Instant.parse(db.cursor(FacebookRecovery.MARK));
        assertTrue(mark.isAfter(first.since()), "the mark moved past the look-back: " + mark + " after " + first.since());

        FacebookRecovery.Run second = recovery.run();
        assertEquals(3, second.read(), "the overlap reads them again");
        assertEquals(0, second.fresh(), "and stores nothing twice");
        assertEquals(mark, second.since());

        receiver.start();
        control("POST", "/sim/clock", "{\"advance_seconds\":61}");
        sim.deliverDue();
        JsonNode deliveries = control("GET", "/sim/webhooks", null);
        assertTrue(deliveries.findValuesAsText("status").contains("delivered"), deliveries.toString());
        assertEquals(3, ledgerSize(), "Meta's retry after the recovery adds nothing");
        for (String id : List.of(olga.get("comment_id").asText(), bob.get("comment_id").asText(), dm.get("mid").asText())) {
            assertEquals(LedgerState.RECEIVED, entry(id).state(), id);
        }
    }

    @Test
    void theWebhookAndTheGraphReadGiveTheSameMessages() throws Exception {
        receiver.start();
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"caf\u00e9 \ud83d\ude00 late\"}");
        JsonNode bob = control("POST", "/sim/facebook/comments", "{\"from\":\"Bob\",\"text\":\"Me too\","
                + "\"parent_comment_id\":\"" + olga.get("comment_id").asText() + "\"}");
        JsonNode dm = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Order 1234\"}");
        sim.deliverDue();
        assertEquals(3, ledgerSize());
        String post = graph.post(olga.get("post_id").asText()).path("message").asText();
        assertFalse(post.isEmpty(), "the simulator's post has words");
        assertEquals(List.of("On the Page's post: \"" + post + "\""), entry(olga.get("comment_id").asText()).message().remarks(),
                "the comment's ticket quotes the post it answers");
        assertEquals(List.of(), entry(dm.get("mid").asText()).message().remarks(), "a Messenger message answers no post");
        assertEquals("Olga", entry(dm.get("mid").asText()).message().author().displayName(),
                "the Messenger sender by name (the User Profile API), not by page-scoped id");

        try (Database other = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", ""))) {
            Intake recovered = new Intake(other, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
            assertEquals(3, new FacebookRecovery(graph, recovered, other, sim.pageId(), Duration.ofHours(24), 50,
                    Clock.systemUTC()).run().fresh());
            for (String id : List.of(olga.get("comment_id").asText(), bob.get("comment_id").asText(), dm.get("mid").asText())) {
                InboundMessage byWebhook = entry(id).message();
                InboundMessage byGraph = other.read(em -> em.find(LedgerEntry.class, "facebook:" + id)).message();
                assertEquals(byWebhook.key(), byGraph.key());
                assertEquals(byWebhook.conversationId(), byGraph.conversationId(), id);
                assertEquals(byWebhook.author(), byGraph.author(), id);
                assertEquals(byWebhook.text(), byGraph.text(), id);
                assertEquals(byWebhook.visibility(), byGraph.visibility(), id);
                assertEquals(byWebhook.url(), byGraph.url(), id);
                assertEquals(byWebhook.remarks(), byGraph.remarks(), id + ": the post quoted the same way");
                // The Graph API gives times in whole seconds; Messenger's webhook in milliseconds.
                assertEquals(byWebhook.createdAt().truncatedTo(ChronoUnit.SECONDS), byGraph.createdAt(), id);
            }
        }
    }

    @Test
    void aFirstRunLooksBackOnlySoFar() throws Exception {
        JsonNode old = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Two hours ago\"}");
        control("POST", "/sim/clock", "{\"advance_seconds\":7200}");
        JsonNode recent = control("POST", "/sim/facebook/comments", "{\"from\":\"Bob\",\"text\":\"Just now\","
                + "\"post_id\":\"" + old.get("post_id").asText() + "\"}");
        Clock simTime = Clock.fixed(sim.now(), java.time.ZoneOffset.UTC);
        FacebookRecovery.Run run = new FacebookRecovery(graph, intake, db, sim.pageId(), Duration.ofHours(1), 50, simTime).run();
        assertEquals(1, run.read(), "only what is within the look-back, under the same post");
        assertNotNull(entry(recent.get("comment_id").asText()));
        assertNull(entry(old.get("comment_id").asText()), "never the whole history");
    }

    @Test
    void aLongBacklogIsReadOverSeveralRunsAndTheMarkMovesOnlyAtTheEnd() throws Exception {
        control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Hello?\"}");
        // 101 conversations: two pages of the Graph's 100.
        for (int i = 0; i < 101; i++) {
            control("POST", "/sim/messenger/messages", "{\"from\":\"Person " + i + "\",\"text\":\"dm " + i + "\"}");
        }
        FacebookRecovery recovery = recovery(2);
        FacebookRecovery.Run first = recovery.run();
        assertFalse(first.passComplete(), "the feed's page and the first page of conversations fill this run");
        assertEquals(101, first.fresh());
        assertEquals(first.since().toString(), db.cursor(FacebookRecovery.MARK), "the mark stays until the pass is complete");

        FacebookRecovery.Run second = recovery.run();
        assertTrue(second.passComplete());
        assertEquals(1, second.fresh(), "the pass continued where it stopped");
        assertEquals(102, ledgerSize());
        assertTrue(Instant.parse(db.cursor(FacebookRecovery.MARK)).isAfter(first.since()));
    }

    @Test
    void aDisabledSubscriptionIsOneAlertWithTheFixAndClearsWhenBackAndRecoveryFillsTheGap() throws Exception {
        ChannelStatus line = health.channel("facebook");
        ChannelWatch watch = new ChannelWatch(health, host, db, Duration.ofMinutes(5), Clock.systemUTC());
        FacebookRecovery recovery = recovery(50);
        FacebookSubscription subscription = new FacebookSubscription(graph, sim.pageId(), line, Duration.ofMinutes(5),
                recovery::run, Clock.systemUTC());
        assertEquals(Optional.empty(), subscription.check());

        // The plugin is down for over an hour: Meta unsubscribes the app and drops what it could not deliver.
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Anyone there?\"}");
        sim.deliverDue();
        control("POST", "/sim/clock", "{\"advance_seconds\":3601}");
        sim.deliverDue();
        assertTrue(control("GET", "/sim/webhooks", null).findValuesAsText("status").contains("disabled"));
        JsonNode dm = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Hello??\"}");

        Optional<String> problem = subscription.check();
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("no app is subscribed to the Page " + sim.pageId()), problem.get());
        assertTrue(problem.get().contains("POST /v23.0/" + sim.pageId() + "/subscribed_apps?subscribed_fields=feed,messages"),
                problem.get());
        assertTrue(problem.get().contains("pageToken in etc/org.socialcarebridge.network.facebook.cfg"), problem.get());
        watch.check();
        watch.check();
        assertEquals(1, host.alerts.size(), "one alert in the help desk");
        String alert = host.alerts.values().iterator().next();
        assertTrue(alert.contains("facebook channel needs action") && alert.contains("subscribed_fields=feed,messages"), alert);

        // The administrator re-subscribes, with only feed first: Messenger is still missing.
        receiver.start();
        control("POST", "/v23.0/" + sim.pageId() + "/subscribed_apps?subscribed_fields=feed&access_token=" + PAGE_TOKEN, "{}");
        problem = subscription.check();
        assertTrue(problem.isPresent() && problem.get().contains("lacks messages"), String.valueOf(problem));
        assertEquals(0, ledgerSize(), "no recovery while the subscription is still wrong");

        control("POST", "/v23.0/" + sim.pageId() + "/subscribed_apps?subscribed_fields=feed,messages&access_token="
                + PAGE_TOKEN, "{}");
        assertEquals(Optional.empty(), subscription.check());
        assertNotNull(entry(olga.get("comment_id").asText()), "recovery ran at once and read back what Meta dropped");
        assertNotNull(entry(dm.get("mid").asText()), "and what came while unsubscribed");
        watch.check();
        assertEquals(host.alerts.keySet().stream().toList(), host.clearedAlerts, "the alert is closed");
        assertEquals("running", line.toMap().get("state"));
    }

    @Test
    void aNetworkFaultWhileUnsubscribedKeepsTheProblem() throws Exception {
        ChannelStatus line = health.channel("facebook");
        FacebookSubscription subscription = new FacebookSubscription(graph, sim.pageId(), line, Duration.ofMinutes(5),
                () -> { }, Clock.systemUTC());
        control("DELETE", "/v23.0/" + sim.pageId() + "/subscribed_apps?access_token=" + PAGE_TOKEN, null);
        assertTrue(subscription.check().isPresent());
        sim.close(); // Graph unreachable now
        assertEquals(Optional.empty(), subscription.check(), "nothing new is known");
        assertEquals("needs action", line.toMap().get("state"));
        assertTrue(line.problem(Instant.now(), Duration.ofMinutes(5)).orElseThrow().contains("no app is subscribed"));
    }

    @Test
    void aRefusedPageTokenIsAProblemNamingTheSetting() {
        ChannelStatus line = health.channel("facebook");
        FacebookSubscription subscription = new FacebookSubscription(graph("not-the-page-token"), sim.pageId(), line,
                Duration.ofMinutes(5), () -> { }, Clock.systemUTC());
        Optional<String> problem = subscription.check();
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("#190") && problem.get().contains("pageToken in etc/org.socialcarebridge.network.facebook.cfg"),
                problem.get());
        assertTrue(line.problem(Instant.now(), Duration.ofMinutes(5)).isPresent(), "on the health line at once");
        assertFalse(problem.get().contains("not-the-page-token"), "the token is never shown");
    }

    @Test
    void theChannelsTimersRecoverAndCheckAsSoonAsItAttaches() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Still waiting\"}");
        FacebookConfiguration c = new FacebookConfiguration();
        c.setBaseUrl(sim.baseUrl());
        c.setPageId(sim.pageId());
        c.setPageToken(PAGE_TOKEN);
        ChannelStatus line = health.channel("facebook");
        try (DefaultCamelContext channel = new DefaultCamelContext()) {
            channel.addRoutes(new FacebookRoutes(c, graph, intake, db, line, Clock.systemUTC()));
            org.apache.camel.builder.NotifyBuilder bothRan = new org.apache.camel.builder.NotifyBuilder(channel)
                    .fromRoute("facebook-recovery").whenDone(1).and().fromRoute("facebook-subscription").whenDone(1).create();
            channel.start();
            assertTrue(bothRan.matches(30, java.util.concurrent.TimeUnit.SECONDS), "both timers fire at start");
        }
        assertNotNull(entry(olga.get("comment_id").asText()), "recovery ran at start");
        assertEquals("running", line.toMap().get("state"), "the subscription is in order: " + line.toMap());
    }

    @Test
    void anUnreadableItemIsADeadLetterAndTheRestIsKept() throws Exception {
        // A Graph double, since the simulator serves only well-formed comments: one without its author.
        String now = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        Map<String, String> answers = Map.of(
                "/feed", "{\"data\":[{\"id\":\"1_2\",\"permalink_url\":\"https://www.facebook.com/1_2\"}]}",
                "/1_2/comments", "{\"data\":[{\"id\":\"2_3\",\"message\":\"no author\",\"created_time\":\"" + now + "\"},"
                        + "{\"id\":\"2_4\",\"from\":{\"id\":\"9\",\"name\":\"Ann\"},\"message\":\"fine\","
                        + "\"created_time\":\"" + now + "\"}]}",
                "/conversations", "{\"data\":[]}");
        com.sun.net.httpserver.HttpServer graphDouble = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        graphDouble.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Optional<String> answer = answers.entrySet().stream().filter(a -> path.endsWith(a.getKey()))
                    .map(Map.Entry::getValue).findFirst();
            byte[] body = answer.orElse("{\"error\":{\"code\":100,\"message\":\"no " + path + "\"}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.isPresent() ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        graphDouble.start();
        try {
            FacebookConfiguration c = new FacebookConfiguration();
            c.setBaseUrl("http://127.0.0.1:" + graphDouble.getAddress().getPort());
            c.setPageId("1");
            c.setPageToken(PAGE_TOKEN);
            FacebookRecovery.Run run = new FacebookRecovery(new GraphApi(new HttpCall(calls), c, json), intake, db, "1",
                    Duration.ofHours(24), 50, Clock.systemUTC()).run();
            assertTrue(run.passComplete());
            assertEquals(1, run.fresh());
            assertEquals(1, run.unreadable());
            assertEquals(LedgerState.RECEIVED, entry("2_4").state());
            assertEquals("1_2:9", entry("2_4").message().conversationId());
            assertEquals(LedgerState.DEAD_LETTER, entry("2_3").state());
            assertTrue(entry("2_3").lastError().contains("'from'") || entry("2_3").lastError().contains("'id'"),
                    entry("2_3").lastError());
        } finally {
            graphDouble.stop(0);
        }
    }

    @Test
    void afterAFailedLookUpTheWebhookPathReadsNothingForAMinute() throws Exception {
        JsonNode pia = control("POST", "/sim/facebook/comments", "{\"from\":\"Pia\",\"text\":\"hello\"}");
        String post = pia.get("post_id").asText();
        control("POST", "/sim/faults", "{\"method\":\"GET\",\"path\":\"/v23.0/" + post + "\",\"status\":503,\"count\":1}");
        MessageContext context = new MessageContext(graph);
        assertNull(context.textOf(post), "Graph answered 503: no quote, the comment is filed all the same");
        long before = graphCalls();
        assertNull(context.textOf(post), "not read again during the pause");
        assertNull(context.nameOf(pia.get("from_id").asText()), "nor anything else");
        assertEquals(before, graphCalls(), "no Graph call while Meta waits for the webhook's answer");
    }

    long graphCalls() throws Exception {
        long n = 0;
        for (JsonNode r : control("GET", "/sim/requests", null)) {
            n += r.path("path").asText().startsWith("/v23.0/") ? 1 : 0;
        }
        return n;
    }

    JsonNode control(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return json.readTree(r.body());
    }

    long ledgerSize() {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e", Long.class).getSingleResult());
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "facebook:" + id));
    }
}
