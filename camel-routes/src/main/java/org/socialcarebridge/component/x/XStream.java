package org.socialcarebridge.component.x;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.socialcarebridge.component.feed.NetworkStream;
import org.socialcarebridge.component.feed.ReconnectingStream;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookHandler;

/**
 * The brand's mentions and direct messages as they happen, from X's activity stream
 * ({@code GET /2/activity/stream}, app-only): one event a line in the same XAA envelope the webhook gets,
 * handed to the same {@link XWebhookHandler}; an empty line is X's keep-alive. X's subscriptions without a
 * webhook go to this stream ({@link XSubscriptions} makes them). Reconnecting with back-off, the silence
 * watchdog and the catch-up on every (re)connect (the mentions and DM feeds' poll from their persisted
 * cursors) are {@link ReconnectingStream}'s, as for Mastodon; the ledger keeps what both bring once.
 */
public final class XStream extends NetworkStream {
    /**
     * @param events  takes each event as the webhook's deliveries are taken: the channel's {@link XWebhookHandler}
     * @param catchUp the feeds' poll from their cursors, run on every (re)connect
     */
    public XStream(XApi api, HttpClient http, WebhookHandler events, Clock clock, Runnable catchUp, Duration firstBackOff,
                   Duration longestBackOff) {
        super(new ReconnectingStream("X activity stream", http,
                () -> HttpRequest.newBuilder(URI.create(api.activityStreamUrl()))
                        .header("Authorization", api.appAuthorization())
                        .header("Accept", "application/json")
                        .GET().build(),
                catchUp, () -> line -> {
                    if (line.isBlank()) {
                        return; // keep-alive
                    }
                    try {
                        events.receive(new WebhookDelivery(XSettings.WEBHOOK, line.getBytes(StandardCharsets.UTF_8),
                                clock.instant()));
                    } catch (IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IOException("an activity stream event could not be stored: " + e.getMessage(), e);
                    }
                }, firstBackOff, longestBackOff));
    }

    /** The stream into the ledger as the runtime wires it: back-off from 1 s doubling to 60 s. */
    public static XStream intoLedger(XApi api, WebhookHandler events, Clock clock, Runnable catchUp) {
        return new XStream(api, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), events, clock, catchUp,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
