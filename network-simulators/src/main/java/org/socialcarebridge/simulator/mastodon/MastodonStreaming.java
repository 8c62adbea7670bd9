package org.socialcarebridge.simulator.mastodon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;

/**
 * Mastodon's streaming API, the {@code user:notification} stream over server-sent events: each new
 * notification as {@code event: notification} with the Notification JSON on one {@code data:} line, a
 * {@code :thump} comment as heartbeat, and no resume (like Mastodon, which ignores {@code Last-Event-ID}), so
 * a client that lost its stream catches up with {@code GET /api/v1/notifications?since_id=}. The control API
 * drops every open stream at once and can refuse new ones for a while.
 */
final class MastodonStreaming {
    /** Events waiting for a slow client; past this the stream is closed, as a server sheds a client that lags. */
    static final int MAX_PENDING = 1000;
    /** Tells a stream's writer that the stream is over. */
    private static final String END = "";

    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private volatile Duration heartbeat = Duration.ofSeconds(10);
    private volatile Instant refusedUntil = Instant.MIN;

    private record Subscription(MastodonAccount account, BlockingQueue<String> frames) {
    }

    void heartbeat(Duration every) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("the heartbeat must be positive, got " + every);
        }
        heartbeat = every;
    }

    /** Whether new streams are refused now (after {@code POST /sim/streaming/drop} with {@code refuse_seconds}). */
    boolean refusing() {
        return Instant.now().isBefore(refusedUntil);
    }

    /** Opens a stream of {@code account}'s notifications; it is registered before its first byte is written. */
    ApiResponse open(MastodonAccount account) {
        Subscription s = new Subscription(account, new LinkedBlockingQueue<>(MAX_PENDING));
        open.add(s);
        // Written on the request's thread until the stream ends; the client leaving ends it too.
        ApiResponse response = ApiResponse.stream(200, "text/event-stream; charset=utf-8", out -> {
            try (out) {
                write(s, out);
            } catch (IOException gone) {
                // the client went away: the stream is over
            }
        });
        response.headers().put("Cache-Control", "no-store");
        return response;
    }

    private void write(Subscription s, OutputStream out) throws IOException {
        try {
            // Mastodon's streaming server greets with a comment; a client may take it as "connected".
            send(out, ":)\n");
            while (true) {
                String frame = s.frames().poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (END.equals(frame)) {
                    return;
                }
                send(out, frame == null ? ":thump\n" : frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is closing
        } finally {
            open.remove(s);
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a notification, as {@code GET /api/v1/notifications} shows it, to every open stream of its recipient. */
    void publish(MastodonAccount recipient, Map<String, Object> notification) {
        String frame;
        try {
            frame = "event: notification\ndata: " + ApiServer.JSON.writeValueAsString(notification) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification " + notification.get("id") + " is not serialisable", e);
        }
        for (Subscription s : open) {
            if (s.account() == recipient && !s.frames().offer(frame)) {
                end(s);
            }
        }
    }

    /** Closes every open stream now (a gap for its client) and refuses new ones for {@code refuseSeconds}. */
    int drop(long refuseSeconds) {
        refusedUntil = Instant.now().plusSeconds(Math.max(0, refuseSeconds));
        int dropped = 0;
        for (Subscription s : open) {
            end(s);
            dropped++;
        }
        return dropped;
    }

    private void end(Subscription s) {
        open.remove(s);
        s.frames().clear(); // a dropped stream loses what it had not sent yet, as a broken connection would
        s.frames().offer(END);
    }

    /** Streams open now (for tests). */
    int openCount() {
        return open.size();
    }

    void reset() {
        drop(0);
        refusedUntil = Instant.MIN;
    }
}
