package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.component.mastodon.MastodonSettings;
import org.socialcarebridge.component.x.XSettings;

/** One channel leaves and comes back with new values while the core and the other channel run on. */
class ChannelAttachmentTest {
    static final Map<String, String> X = Map.of("baseUrl", "http://127.0.0.1:1", "bearerToken", "tok", "brandHandle", "acme",
            "pollInterval", "1m");

    @Test
    void reattachingXRestartsOnlyItsRoutes(@TempDir Path data) throws Exception {
        Map<String, Map<String, ?>> config = Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(SocialCareEngineTest.freePort())),
                XSettings.PID, X,
                MastodonSettings.PID, Map.of("baseUrl", "http://127.0.0.1:1", "accessToken", "tok", "pollInterval", "1m"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            Route mastodon = engine.camel().getRoute("mastodon-mentions");
            Route health = engine.camel().getRoute("health");
            assertTrue(engine.camel().getRoute("x-mentions").getEndpoint().getEndpointUri().contains("delay=60000"));

            engine.detach("x");
            assertFalse(engine.routeIds().contains("x-mentions"), engine.routeIds().toString());
            assertFalse(engine.health().report().toString().contains("x-mentions"), "a detached channel leaves the board");

            new XChannelComponent().attach(engine, Map.of("baseUrl", "http://127.0.0.1:1", "bearerToken", "tok",
                    "brandHandle", "acme", "pollInterval", "30s"));
            assertTrue(engine.camel().getRoute("x-mentions").getEndpoint().getEndpointUri().contains("delay=30000"),
                    "X runs with its new values");
            var mentions = (org.apache.camel.support.ScheduledPollConsumer) engine.camel().getRoute("x-mentions").getConsumer();
            var directMessages = (org.apache.camel.support.ScheduledPollConsumer) engine.camel().getRoute("x-direct-messages")
                    .getConsumer();
            assertTrue(mentions.getScheduler() instanceof org.socialcarebridge.component.feed.FeedTicks
                    && mentions.getScheduler() == directMessages.getScheduler(), "X's feeds are read in order, on one tick");
            assertSame(mastodon, engine.camel().getRoute("mastodon-mentions"), "Mastodon's route was not restarted");
            assertSame(health, engine.camel().getRoute("health"), "the core's routes were not restarted");
            assertTrue(engine.camel().getRouteController().getRouteStatus("mastodon-mentions").isStarted());
        }
    }

    @Test
    void xByWebhookRegistersOnATimerAndBackToPollingLeavesNoWebhookLine(@TempDir Path data) throws Exception {
        Map<String, String> webhook = new java.util.HashMap<>(X);
        webhook.putAll(Map.of("intake", "webhook", "consumerSecret", "consumer-secret-0123456789", "appBearerToken", "app",
                "publicUrl", "http://127.0.0.1:8181/socialcare/webhooks/x", "catchUpInterval", "2m",
                "subscriptionCheckInterval", "10s"));
        Map<String, Map<String, ?>> config = Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(SocialCareEngineTest.freePort())), XSettings.PID, webhook);
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            assertTrue(engine.routeIds().containsAll(java.util.List.of("webhook-x", "x-subscriptions", "x-mentions")),
                    engine.routeIds().toString());
            assertTrue(engine.camel().getRoute("x-mentions").getEndpoint().getEndpointUri().contains("delay=120000"),
                    "real time: the feeds are read every catchUpInterval");
            assertTrue(engine.health().report().containsKey("webhook:x"));
            // Proof of life comes every 2 minutes now: a staleness of 3 s must not call the channel dead in between.
            java.time.Instant inAMinute = java.time.Instant.now().plusSeconds(60);
            assertTrue(engine.health().channel("x").problem(inAMinute, java.time.Duration.ofSeconds(3)).isEmpty(),
                    "between two catch-ups the channel is healthy");
            assertTrue(engine.health().channel("x").problem(inAMinute.plusSeconds(300), java.time.Duration.ofSeconds(3))
                    .isPresent(), "two catch-ups missed: it is not");

            engine.detach("x");
            new XChannelComponent().attach(engine, X);
            assertFalse(engine.routeIds().contains("webhook-x") || engine.routeIds().contains("x-subscriptions"),
                    engine.routeIds().toString());
            assertFalse(engine.health().report().containsKey("webhook:x"), "intake = poll: the webhook line is gone");
            assertTrue(engine.camel().getRoute("x-mentions").getEndpoint().getEndpointUri().contains("delay=60000"));
        }
    }

    @Test
    void eachChannelIsNamedByItsNetworkAndReadsTheFileUnderTheChannelsPrefix() {
        assertEquals("x", new XChannelComponent().name());
        assertEquals(XSettings.PID, new XChannelComponent().pid());
        assertEquals("mastodon", new MastodonChannelComponent().name());
        assertEquals(MastodonSettings.PID, new MastodonChannelComponent().pid());
    }

    @Test
    void aChannelWithoutItsFileIsNotStartedOutsideOsgiAsInKaraf(@TempDir Path data) throws Exception {
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(SocialCareEngineTest.freePort())),
                XSettings.PID, X);
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            assertTrue(engine.routeIds().contains("x-mentions"), engine.routeIds().toString());
            assertFalse(engine.routeIds().stream().anyMatch(r -> r.startsWith("mastodon")), engine.routeIds().toString());
            assertFalse(engine.health().report().toString().contains("mastodon"), engine.health().report().toString());
        }
    }

    @Test
    void wrongSettingsOnReattachStopOnlyThatChannelAndSayWhy(@TempDir Path data) throws Exception {
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(SocialCareEngineTest.freePort())), XSettings.PID, X);
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            engine.detach("x");
            new XChannelComponent().attach(engine, Map.of("baseUrl", "ftp://nope", "bearerToken", "tok", "brandHandle", "acme"));
            assertFalse(engine.routeIds().contains("x-mentions"));
            assertTrue(engine.health().report().toString().contains("baseUrl in etc/org.socialcarebridge.network.x.cfg"),
                    engine.health().report().toString());

            engine.detach("x");
            new XChannelComponent().attach(engine, X);
            assertTrue(engine.routeIds().contains("x-mentions"), engine.routeIds().toString());
            assertFalse(engine.health().report().toString().contains("ftp://nope"), "the old problem left with the old values");
        }
    }
}
