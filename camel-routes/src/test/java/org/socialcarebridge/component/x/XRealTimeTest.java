package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.component.webhook.WebhookHandler;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.conversation.LedgerState;

/**
 * The X channel's real time against the X simulator: its webhook and subscriptions registered through the
 * app-only API (once, however often checked; a failure on the health line), and the activity stream read
 * into the ledger with its catch-up on every (re)connect, its reconnect after a drop and after silence.
 */
class XRealTimeTest {
    @RegisterExtension
    final XFixture x = new XFixture();
    XConfiguration configuration;
    XWebhookHandler handler;

    @BeforeEach
    void appOnly() {
        configuration = x.component().getConfiguration();
        configuration.setAppBearerToken(XFixture.TOKEN); // the simulator's app-only token is the brand's
        handler = new XWebhookHandler(x.intake(), x.component().api(), x.sim()::brandId, false, x.json());
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Serves the X webhook on a free port; answers its URL. */
    String serveWebhook() throws Exception {
        int port = freePort();
        x.camel().addRoutes(WebhookRoutes.x("jetty:http://127.0.0.1:" + port + "/socialcare", x.consumerSecret(), 64 * 1024, 4,
                handler, x.health(), x.json(), Clock.systemUTC()));
        return "http://127.0.0.1:" + port + "/socialcare/webhooks/x";
    }

    XSubscriptions subscriptions(String publicUrl) {
        return new XSubscriptions(x.component().api(), publicUrl, x.sim()::brandId, x.health().channel("x"), Clock.systemUTC());
    }

    List<JsonNode> listed(String path) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        x.call("GET", path, XFixture.TOKEN, null).path("data").forEach(all::add);
        return all;
    }

    @Test
    void theWebhookAndItsSubscriptionsAreRegisteredOnceAndXDeliversThere() throws Exception {
        String url = serveWebhook();
        XSubscriptions check = subscriptions(url);
        assertEquals(Optional.empty(), check.check());
        assertEquals(Optional.empty(), check.check(), "a second check finds both in place");

        List<JsonNode> hooks = listed("/2/webhooks");
        assertEquals(1, hooks.size(), hooks.toString());
        assertEquals(url, hooks.get(0).path("url").asText());
        String hookId = hooks.get(0).path("id").asText();
        List<JsonNode> subs = listed("/2/activity/subscriptions");
        assertEquals(2, subs.size(), "never duplicated: " + subs);
        for (JsonNode s : subs) {
            assertEquals(hookId, s.path("webhook_id").asText());
            assertEquals(x.sim().brandId(), s.path("filter").path("user_id").asText());
        }
        assertEquals(List.of(XWebhookHandler.MENTION, XWebhookHandler.DM),
                subs.stream().map(s -> s.path("event_type").asText()).toList());
        assertTrue(String.valueOf(x.health().channel("x").toMap().get("webhook")).startsWith("registered " + url),
                x.health().channel("x").toMap().toString());

        String mention = x.tweet("olga", "@acme my parcel is late");
        x.sim().deliverDue();
        assertEquals(LedgerState.RECEIVED, x.entry(mention).state(), "X delivered to the registered webhook");
    }

    @Test
    void aWebhookRegisteredByHandIsReusedAndOnlyTheMissingSubscriptionIsAdded() throws Exception {
        String url = serveWebhook();
        String hookId = x.call("POST", "/2/webhooks", XFixture.TOKEN, "{\"url\":\"" + url + "\"}").at("/data/id").asText();
        x.call("POST", "/2/activity/subscriptions", XFixture.TOKEN, "{\"event_type\":\"dm.received\",\"filter\":{\"user_id\":\""
                + x.sim().brandId() + "\"},\"webhook_id\":\"" + hookId + "\"}");
        // The stream's subscription for mentions points nowhere near the webhook: it does not count.
        x.call("POST", "/2/activity/subscriptions", XFixture.TOKEN, "{\"event_type\":\"post.mention.create\",\"filter\":"
                + "{\"user_id\":\"" + x.sim().brandId() + "\"}}");

        assertEquals(Optional.empty(), subscriptions(url).check());
        assertEquals(1, listed("/2/webhooks").size());
        List<JsonNode> subs = listed("/2/activity/subscriptions");
        assertEquals(3, subs.size(), subs.toString());
        assertEquals(hookId, subs.get(2).path("webhook_id").asText());
        assertEquals(XWebhookHandler.MENTION, subs.get(2).path("event_type").asText());
    }

    @Test
    void aWebhookXMarkedInvalidIsValidatedAgain() throws Exception {
        String url = serveWebhook();
        XSubscriptions check = subscriptions(url);
        assertEquals(Optional.empty(), check.check());
        // The plugin is down for over 28 hours: X gives up on the webhook and marks it invalid.
        x.camel().getRouteController().stopRoute("webhook-x");
        x.tweet("olga", "@acme anyone there?");
        x.sim().deliverDue();
        x.call("POST", "/sim/clock", null, "{\"advance_seconds\":" + Duration.ofHours(29).toSeconds() + "}");
        x.tweet("olga", "@acme hello?");
        x.sim().deliverDue();
        assertEquals(false, listed("/2/webhooks").get(0).path("valid").asBoolean(), "X marked it invalid");

        x.camel().getRouteController().startRoute("webhook-x");
        assertEquals(Optional.empty(), check.check());
        JsonNode hook = listed("/2/webhooks").get(0);
        assertEquals(true, hook.path("valid").asBoolean(), "PUT /2/webhooks/{id} ran the CRC again");
        assertTrue(x.requests().stream().anyMatch(r -> r.toString().contains("PUT") && r.toString().contains(
                "/2/webhooks/" + hook.path("id").asText())), "re-validated, not registered anew");
        assertEquals(1, listed("/2/webhooks").size());
    }

    @Test
    void aFailedRegistrationIsOnTheHealthLineAndTheNextCheckRegisters() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/socialcare/webhooks/x";
        Optional<String> problem = subscriptions(url).check();
        assertTrue(problem.isPresent());
        assertTrue(problem.get().startsWith("X webhook not registered: ") && problem.get().contains("400")
                && problem.get().contains("CrcValidationFailed"), problem.get());
        assertEquals(problem.get(), x.health().channel("x").toMap().get("webhook"));
        assertEquals("failing", x.health().channel("x").toMap().get("state"));
        assertEquals(0, listed("/2/activity/subscriptions").size());

        configuration.setAppBearerToken("sim-user:olga"); // a user's token where X takes only the app's
        String refused = subscriptions(url).check().orElseThrow();
        assertTrue(refused.contains("403") && !refused.contains("sim-user:olga"), refused);

        configuration.setAppBearerToken(XFixture.TOKEN);
        x.camel().addRoutes(WebhookRoutes.x("jetty:http://127.0.0.1:" + port + "/socialcare", x.consumerSecret(), 64 * 1024, 4,
                handler, x.health(), x.json(), Clock.systemUTC()));
        assertEquals(Optional.empty(), subscriptions(url).check(), "retried at the next check");
        assertEquals(2, listed("/2/activity/subscriptions").size());
    }

    @Test
    void theStreamRunsWithTheFeedsCatchesUpOnEveryConnectAndReconnectsAfterADrop() throws Exception {
        configuration.setIntake(XSettings.IntakeMode.STREAM);
        configuration.setCatchUpInterval(Duration.ofHours(1)); // only the stream and its (re)connects bring anything
        assertEquals(Optional.empty(), subscriptions(null).check());
        List<JsonNode> subs = listed("/2/activity/subscriptions");
        assertEquals(2, subs.size());
        assertTrue(subs.stream().noneMatch(s -> s.has("webhook_id")), "stream subscriptions have no webhook: " + subs);
        // Sent while no stream is open: only the catch-up at connect can bring it.
        String before = x.tweet("olga", "@acme before the stream");

        BlockingQueue<String> catchUps = new LinkedBlockingQueue<>();
        BlockingQueue<String> streamed = new LinkedBlockingQueue<>();
        WebhookHandler observed = delivery -> {
            WebhookReceipt r = handler.receive(delivery);
            streamed.add(x.json().readTree(delivery.body()).at("/data/payload/id").asText());
            return r;
        };
        XStream[] opened = new XStream[1];
        new HandPoll(x.camel(), x.intake()); // the intake route
        x.camel().addRoutes(new XRoutes(configuration, null, null, catchUp -> {
            opened[0] = new XStream(x.component().api(), HttpClient.newHttpClient(), observed, Clock.systemUTC(), () -> {
                catchUp.run();
                catchUps.add("caught up");
            }, Duration.ofMillis(20), Duration.ofMillis(200));
            opened[0].showStateIn(x.health().channel("x")::stream);
            return opened[0];
        }));
        catchUps.take();
        assertEquals(LedgerState.RECEIVED, x.entry(before).state(), "caught up on connect");

        String live = x.tweet("ivan", "@acme while connected");
        assertEquals(live, streamed.take(), "the stream brought it");
        assertEquals(LedgerState.RECEIVED, x.entry(live).state());
        assertEquals("connected", x.health().channel("x").toMap().get("stream"));

        x.call("POST", "/sim/x/stream/drop", null, null);
        catchUps.take(); // reconnected, and caught up again
        assertEquals(2, opened[0].connects());
        String after = x.tweet("maria", "@acme after the drop");
        assertEquals(after, streamed.take());
        assertNotNull(x.entry(after));

        x.camel().getRouteController().stopRoute(XRoutes.DIRECT_MESSAGES);
        assertEquals("stopped", opened[0].state(), "the stream ends with the route");
    }

    @Test
    void aSilentStreamIsOpenedAgain() throws Exception {
        assertEquals(Optional.empty(), subscriptions(null).check());
        x.sim().streamKeepAliveEvery(Duration.ofHours(1));
        BlockingQueue<String> catchUps = new LinkedBlockingQueue<>();
        XStream stream = new XStream(x.component().api(), HttpClient.newHttpClient(), handler, Clock.systemUTC(),
                () -> catchUps.add("connected"), Duration.ofMillis(20), Duration.ofMillis(200));
        stream.silence(Duration.ofMillis(300));
        stream.start();
        try {
            catchUps.take();
            catchUps.take(); // no keep-alive came: the watchdog closed it, the reader opened it again
            assertTrue(stream.connects() >= 2);
        } finally {
            stream.close();
        }
    }

    @Test
    void theFeedsHighWaterMarksSurviveARestartSoACatchUpAsksOnlyForWhatIsNew() throws Exception {
        String first = x.tweet("olga", "@acme one");
        assertEquals(1, x.handPoll().poll());
        try (org.apache.camel.impl.DefaultCamelContext restarted = new org.apache.camel.impl.DefaultCamelContext()) {
            restarted.addComponent("x", x.listening(restarted, x.configuration(java.util.Map.of())));
            restarted.start();
            assertEquals(0, x.handPoll(restarted).poll(), "nothing read twice after the restart");
            JsonNode last = x.requests().stream().filter(r -> r.toString().contains("/mentions"))
                    .reduce((a, b) -> b).orElseThrow();
            assertTrue(last.toString().contains("since_id=" + first), "the persisted since_id: " + last);
        }
    }

    @Test
    void streamingNeedsTheStreamAndTheAppToken() {
        configuration.setIntake(XSettings.IntakeMode.STREAM);
        assertThrows(IllegalArgumentException.class, () -> new XRoutes(configuration));
        configuration.setAppBearerToken(null);
        String why = assertThrows(IllegalStateException.class, () -> x.component().api().webhooks()).getMessage();
        assertTrue(why.contains("appBearerToken"), why);
        assertNull(configuration.getAppBearerToken());
    }
}
