package org.socialcarebridge.component.mastodon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.socialcarebridge.intake.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brand's notifications as they happen, from Mastodon's streaming API
 * ({@code GET {streaming base}/api/v1/streaming/user/notification}, server-sent events): {@code :} lines are
 * heartbeats, {@code event: notification} with its {@code data:} JSON is one notification, handed on as it
 * comes. Mastodon does not resume a stream, so on every (re)connect, once the stream is open (and so
 * registered for what comes next), the REST catch-up runs: the notifications poll from its persisted
 * cursor. Whatever both bring, the ledger keeps once. A stream that ends, fails or is refused (503) is
 * opened again after a back-off doubling from {@code firstBackOff} to {@code longestBackOff}, back to the
 * first once a stream stayed up a minute.
 */
public final class MastodonStream implements AutoCloseable {
    static final String PATH = "/api/v1/streaming/user/notification";
    /** A stream up this long counts as healthy: the next failure starts the back-off over. */
    static final Duration HEALTHY = Duration.ofMinutes(1);
    /**
     * Mastodon writes a heartbeat every 15 s or so; a stream silent this long is taken as dead (a connection
     * that broke without closing) and opened again.
     */
    static final Duration SILENCE = Duration.ofSeconds(90);
    private static final Logger LOG = LoggerFactory.getLogger(MastodonStream.class);

    private final MastodonApi api;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Runnable catchUp;
    private final Consumer<JsonNode> notifications;
    private final Duration firstBackOff;
    private final Duration longestBackOff;
    private volatile boolean running;
    private volatile String state = "stopped";
    private volatile Consumer<String> stateShown = s -> { };
    private volatile InputStream body;
    private volatile int connects;
    private volatile Duration silence = SILENCE;
    private volatile long lastHeard;
    private java.util.concurrent.ScheduledExecutorService watchdog;
    private Thread reader;

    /**
     * @param catchUp       the notifications poll from its cursor, run on every (re)connect
     * @param notifications takes each notification the stream brings (into the ledger)
     */
    public MastodonStream(MastodonApi api, HttpClient http, ObjectMapper json, Runnable catchUp,
                          Consumer<JsonNode> notifications, Duration firstBackOff, Duration longestBackOff) {
        this.api = api;
        this.http = http;
        this.json = json;
        this.catchUp = catchUp;
        this.notifications = notifications;
        this.firstBackOff = firstBackOff;
        this.longestBackOff = longestBackOff;
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
                catchUp, new MastodonNotificationIntake(intake, ticketQuotes), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Where the state is shown as it changes (the channel's health line). */
    public void showStateIn(Consumer<String> shown) {
        this.stateShown = shown;
        shown.accept(state);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastHeard = System.nanoTime();
        watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mastodon-stream-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, silence.toMillis() / 3);
        watchdog.scheduleWithFixedDelay(this::closeIfSilent, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        reader = new Thread(this::run, "mastodon-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code connected}, {@code reconnecting in <back-off>: <why>}, {@code connecting} or {@code stopped}: for the health line. */
    public String state() {
        return state;
    }

    /** How long a stream may be silent, heartbeats included, before it is opened again (before {@link #start}). */
    void silence(Duration longest) {
        this.silence = longest;
    }

    /** How many times a stream was opened (for tests). */
    int connects() {
        return connects;
    }

    @Override
    public synchronized void close() {
        running = false;
        state("stopped");
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        if (reader != null) {
            reader.interrupt();
            closeBody();
            reader = null;
        }
    }

    private void run() {
        Duration backOff = firstBackOff;
        while (running) {
            Instant opened = null;
            String why;
            try {
                state("connecting");
                opened = open();
                why = "the stream ended";
            } catch (IOException | RuntimeException e) {
                why = e.getMessage() == null ? e.toString() : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                closeBody();
            }
            if (!running) {
                break;
            }
            if (opened != null && Duration.between(opened, Instant.now()).compareTo(HEALTHY) >= 0) {
                backOff = firstBackOff;
            }
            state("reconnecting in " + backOff + ": " + why);
            LOG.info("Mastodon stream: {}; reconnecting in {}", why, backOff);
            try {
                Thread.sleep(backOff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backOff = backOff.multipliedBy(2).compareTo(longestBackOff) > 0 ? longestBackOff : backOff.multipliedBy(2);
        }
        state("stopped");
    }

    /** Opens a stream, catches up, reads it until it ends; answers when it was open. */
    private Instant open() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.streamingBase() + PATH))
                .header("Authorization", "Bearer " + api.accessToken())
                .header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (response.statusCode() != 200) {
            throw new IOException("GET " + PATH + " answered " + response.statusCode());
        }
        Instant opened = Instant.now();
        lastHeard = System.nanoTime();
        connects++;
        // Registered now: what comes from here on is in the stream; what came before, the catch-up reads.
        catchUp.run();
        state("connected");
        LOG.info("Mastodon stream connected");
        read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        return opened;
    }

    /** Server-sent events: a blank line ends an event; {@code :} lines are comments (heartbeats). */
    private void read(BufferedReader lines) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null && running; line = lines.readLine()) {
            lastHeard = System.nanoTime();
            if (line.isEmpty()) {
                if ("notification".equals(event) && data.length() > 0) {
                    deliver(data.toString());
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue; // heartbeat
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

    private void deliver(String data) throws IOException {
        notifications.accept(json.readTree(data));
    }

    /** A connected stream that has said nothing, not even a heartbeat, for too long is closed: the reader reconnects. */
    private void closeIfSilent() {
        if ("connected".equals(state) && System.nanoTime() - lastHeard > silence.toNanos()) {
            LOG.info("Mastodon stream silent for over {}: opening it again", silence);
            closeBody();
        }
    }

    private void state(String now) {
        state = now;
        stateShown.accept(now);
    }

    private void closeBody() {
        InputStream b = body;
        body = null;
        if (b != null) {
            try {
                b.close();
            } catch (IOException ignored) {
                // closing a broken stream: nothing more to do
            }
        }
    }
}
