package org.socialcarebridge.component.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.settings.InvalidSettingsException;

/**
 * {@code intake = stream}: the settings, and the stream running while route {@code mastodon-mentions} runs,
 * catching up by the route's own poll. Waits block on hand-offs; the timeout only guards against a hang.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MastodonStreamRoutesTest {
    @RegisterExtension
    final MastodonFixture mastodon = new MastodonFixture();

    static Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("baseUrl", "http://127.0.0.1:1", "accessToken", "t"));
        values.putAll(more);
        return values;
    }

    @Test
    void theIntakeIsPolledUnlessTheSettingsSayStream() {
        MastodonSettings poll = MastodonSettings.from(settings(Map.of()));
        assertFalse(poll.stream());
        MastodonSettings stream = MastodonSettings.from(settings(Map.of("intake", "stream", "catchUpInterval", "2m")));
        assertTrue(stream.stream());
        assertEquals(Duration.ofMinutes(2), stream.catchUpInterval());
        assertEquals(Duration.ofSeconds(60), MastodonSettings.from(settings(Map.of("intake", "stream"))).catchUpInterval());
        MastodonConfiguration c = MastodonConfiguration.from(stream);
        assertEquals(Duration.ofMinutes(2), c.notificationsPollInterval(), "the poll only catches up");
        assertTrue(stream.toString().contains("intake=stream") && !stream.toString().contains("=t,"), stream.toString());
        InvalidSettingsException wrong = assertThrows(InvalidSettingsException.class,
                () -> MastodonSettings.from(settings(Map.of("intake", "webhook"))));
        assertTrue(wrong.getMessage().contains("webhook"), wrong.getMessage());
    }

    @Test
    void theStreamRunsWhileTheRouteRunsAndCatchesUpByItsPoll() throws Exception {
        var camel = mastodon.camel();
        // The fixture's hand-polled route gives way to the channel's own.
        camel.getRouteController().stopRoute(MastodonRoutes.MENTIONS);
        camel.removeRoute(MastodonRoutes.MENTIONS);
        MastodonConfiguration c = mastodon.component().getConfiguration();
        c.setStream(true);
        c.setCatchUpInterval(Duration.ofHours(1));
        BlockingQueue<String> caughtUp = new LinkedBlockingQueue<>();
        BlockingQueue<String> streamed = new LinkedBlockingQueue<>();
        MastodonStream[] opened = new MastodonStream[1];
        MastodonNotificationIntake intake = new MastodonNotificationIntake(mastodon.component().api(), mastodon.intake(), false);
        camel.addRoutes(new MastodonRoutes(c, catchUp -> {
            opened[0] = new MastodonStream(mastodon.component().api(), HttpClient.newHttpClient(), mastodon.json(),
                    () -> {
                        catchUp.run();
                        caughtUp.add("caught up");
                    },
                    n -> {
                        intake.accept(n);
                        streamed.add(n.path("status").path("id").asText());
                    }, Duration.ofMillis(20), Duration.ofMillis(200));
            opened[0].showStateIn(mastodon.health().channel("mastodon")::stream);
            return opened[0];
        }));
        caughtUp.take();
        assertEquals("running", mastodon.health().channel("mastodon").toMap().get("state"), "the catch-up polled");

        String id = mastodon.post("carol", "@acme where is my order?", "public", null);
        assertEquals(id, streamed.take());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(id).state());
        assertEquals("connected", mastodon.health().channel("mastodon").toMap().get("stream"));

        camel.getRouteController().stopRoute(MastodonRoutes.MENTIONS);
        assertEquals("stopped", opened[0].state(), "the stream ends with the route");
    }

    @Test
    void aGapLongerThanOnePollIsReadWholeWhenTheStreamConnects() throws Exception {
        var camel = mastodon.camel();
        camel.getRouteController().stopRoute(MastodonRoutes.MENTIONS);
        camel.removeRoute(MastodonRoutes.MENTIONS);
        MastodonConfiguration c = mastodon.component().getConfiguration();
        c.setStream(true);
        c.setCatchUpInterval(Duration.ofHours(1));
        c.setLimit(5); // a poll reads 10 pages of 5
        BlockingQueue<String> caughtUp = new LinkedBlockingQueue<>();
        String before = mastodon.post("early", "@acme before the gap", "public", null);
        camel.addRoutes(new MastodonRoutes(c, catchUp -> {
            MastodonStream stream = new MastodonStream(mastodon.component().api(), HttpClient.newHttpClient(), mastodon.json(),
                    () -> {
                        catchUp.run();
                        caughtUp.add("caught up");
                    }, n -> { }, Duration.ofMillis(20), Duration.ofMillis(200));
            return stream;
        }));
        caughtUp.take(); // the first start reads back the recent mentions and sets the cursor
        assertEquals(LedgerState.RECEIVED, mastodon.entry(before).state());
        camel.getRouteController().stopRoute(MastodonRoutes.MENTIONS);
        java.util.List<String> gap = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) { // more than one poll's 50
            gap.add(mastodon.post("gapper" + (i % 7), "@acme number " + i + " in the gap", "public", null));
        }
        camel.getRouteController().startRoute(MastodonRoutes.MENTIONS);
        caughtUp.take();
        for (int i = 0; i < gap.size(); i++) {
            var entry = mastodon.entry(gap.get(i));
            assertEquals(LedgerState.RECEIVED, entry == null ? null : entry.state(), "mention " + i + " of the gap read by"
                    + " the catch-up on connect");
        }
        camel.getRouteController().stopRoute(MastodonRoutes.MENTIONS);
    }

    @Test
    void streamingNeedsTheStream() {
        MastodonConfiguration c = new MastodonConfiguration();
        c.setStream(true);
        assertThrows(IllegalArgumentException.class, () -> new MastodonRoutes(c));
    }
}
