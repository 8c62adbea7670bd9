package org.socialcarebridge.component.mastodon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.socialcarebridge.component.feed.NetworkStream;
import org.socialcarebridge.component.feed.ReconnectingStream;
import org.socialcarebridge.intake.Intake;

/**
 * The brand's notifications as they happen, from Mastodon's streaming API
 * ({@code GET {streaming base}/api/v1/streaming/user/notification}, server-sent events): {@code :} lines are
 * heartbeats, {@code event: notification} with its {@code data:} JSON is one notification, handed on as it
 * comes. Mastodon does not resume a stream, so on every (re)connect, once the stream is open (and so
 * registered for what comes next), the REST catch-up runs: the notifications poll from its persisted
 * cursor. Whatever both bring, the ledger keeps once. Reconnecting, back-off and the silence watchdog are
 * {@link ReconnectingStream}'s, shared with X's activity stream.
 */
public final class MastodonStream extends NetworkStream {
    static final String PATH = "/api/v1/streaming/user/notification";

    /**
     * @param catchUp       the notifications poll from its cursor, run on every (re)connect
     * @param notifications takes each notification the stream brings (into the ledger)
     */
    public MastodonStream(MastodonApi api, HttpClient http, ObjectMapper json, Runnable catchUp,
                          Consumer<JsonNode> notifications, Duration firstBackOff, Duration longestBackOff) {
        super(new ReconnectingStream("Mastodon stream", http,
                () -> HttpRequest.newBuilder(URI.create(api.streamingBase() + PATH))
                        .header("Authorization", "Bearer " + api.accessToken())
                        .header("Accept", "text/event-stream")
                        .GET().build(),
                catchUp, () -> new Events(json, notifications), firstBackOff, longestBackOff));
    }

    /**
     * The stream into the ledger as the runtime wires it: the streaming base from the instance, back-off from
     * 1 s doubling to 60 s.
     *
     * @param catchUp the notifications poll from its cursor
     */
    public static MastodonStream intoLedger(MastodonApi api, ObjectMapper json, Intake intake, boolean ticketQuotes,
                                            Runnable catchUp) {
        return new MastodonStream(api, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), json,
                catchUp, new MastodonNotificationIntake(api, intake, ticketQuotes), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Server-sent events of one connection: a blank line ends an event; {@code :} lines are comments (heartbeats). */
    private static final class Events implements ReconnectingStream.Lines {
        private final ObjectMapper json;
        private final Consumer<JsonNode> notifications;
        private final StringBuilder data = new StringBuilder();
        private String event;

        Events(ObjectMapper json, Consumer<JsonNode> notifications) {
            this.json = json;
            this.notifications = notifications;
        }

        @Override
        public void line(String line) throws IOException {
            if (line.isEmpty()) {
                if ("notification".equals(event) && data.length() > 0) {
                    notifications.accept(json.readTree(data.toString()));
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                return; // heartbeat
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
            }
        }
    }
}
