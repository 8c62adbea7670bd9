package org.socialcarebridge.component.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network's long-lived HTTP stream of events, kept open: Mastodon's server-sent notifications, X's activity
 * stream. One reader thread opens the stream ({@code 200} or it counts as failed), runs the catch-up (the
 * feeds' poll from their persisted cursors: once the stream is open, what comes next is in it, what came
 * before the poll reads), then hands each line to the connection's {@link Lines}. A stream that ends, fails
 * or is refused is opened again after a back-off doubling from {@code firstBackOff} to {@code longestBackOff},
 * back to the first once a stream stayed up {@link #HEALTHY}; a watchdog closes a stream silent (not even a
 * keep-alive line) for {@link #SILENCE}, a connection that broke without closing. Its state is for the
 * channel's health line.
 */
public final class ReconnectingStream implements AutoCloseable {
    /** A stream up this long counts as healthy: the next failure starts the back-off over. */
    public static final Duration HEALTHY = Duration.ofMinutes(1);
    /** Networks write a keep-alive every 15-20 s; a stream silent this long is taken as dead and opened again. */
    public static final Duration SILENCE = Duration.ofSeconds(90);
    /** The longest wait for a stream's answer (its status and headers); its body then flows for as long as it is open. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** No network sends an event line this long; a longer one is hostile or broken, and the stream is opened again. */
    static final int LONGEST_LINE = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingStream.class);

    /** What reads one connection's lines (a new one per connection: it may keep state between lines). */
    @FunctionalInterface
    public interface Lines {
        /** One line, without its terminator; an empty line is a keep-alive or a separator. */
        void line(String line) throws IOException;
    }

    private final String name;
    private final HttpClient http;
    private final Supplier<HttpRequest> request;
    private final Runnable catchUp;
    private final Supplier<Lines> lines;
    private final Duration firstBackOff;
    private final Duration longestBackOff;
    private volatile boolean running;
    private volatile String state = "stopped";
    private volatile Consumer<String> stateShown = s -> { };
    private volatile InputStream body;
    private volatile int connects;
    private volatile Duration silence = SILENCE;
    private volatile long lastHeard;
    /** When the current connection opened, whatever way it ends: a long healthy one starts the back-off over. */
    private volatile Instant connectedAt;
    private ScheduledExecutorService watchdog;
    private Thread reader;

    /**
     * @param name    who streams, e.g. {@code Mastodon stream}: in the log and the threads' names
     * @param request the request that opens the stream, asked for anew on every (re)connect
     * @param catchUp the feeds' poll from their cursors, run on every (re)connect once the stream is open
     * @param lines   a reader of one connection's lines
     */
    public ReconnectingStream(String name, HttpClient http, Supplier<HttpRequest> request, Runnable catchUp,
                              Supplier<Lines> lines, Duration firstBackOff, Duration longestBackOff) {
        this.name = Objects.requireNonNull(name, "name");
        this.http = Objects.requireNonNull(http, "http");
        this.request = Objects.requireNonNull(request, "request");
        this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
        this.lines = Objects.requireNonNull(lines, "lines");
        this.firstBackOff = firstBackOff;
        this.longestBackOff = longestBackOff;
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
        String thread = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread + "-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, silence.toMillis() / 3);
        watchdog.scheduleWithFixedDelay(this::closeIfSilent, every, every, TimeUnit.MILLISECONDS);
        reader = new Thread(this::run, thread);
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code connected}, {@code reconnecting in <back-off>: <why>}, {@code connecting} or {@code stopped}: for the health line. */
    public String state() {
        return state;
    }

    /** How long a stream may be silent, keep-alives included, before it is opened again (before {@link #start}). */
    public void silence(Duration longest) {
        this.silence = longest;
    }

    /** How many times a stream was opened. */
    public int connects() {
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
            Thread stopping = reader;
            reader = null;
            stopping.interrupt();
            closeBody();
            try {
                // So a reload's new stream never catches up on the same cursors while this one still polls.
                stopping.join(ANSWER_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backOff = firstBackOff;
        while (running) {
            connectedAt = null;
            String why;
            try {
                state("connecting");
                open();
                why = "the stream ended";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) { // an Error too: the stream must outlive one bad connection, or health would lie
                why = e.getMessage() == null ? e.toString() : e.getMessage();
            } finally {
                closeBody();
            }
            if (!running) {
                break;
            }
            Instant opened = connectedAt;
            if (opened != null && Duration.between(opened, Instant.now()).compareTo(HEALTHY) >= 0) {
                backOff = firstBackOff;
            }
            state("reconnecting in " + backOff + ": " + why);
            LOG.info("{}: {}; reconnecting in {}", name, why, backOff);
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

    /** Opens a stream, catches up, reads it until it ends. */
    private void open() throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(request.get(), (header, value) -> true).timeout(ANSWER_TIMEOUT).build();
        HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (!running) { // closed while the answer came: close() did not see this body
            closeBody();
            return;
        }
        if (response.statusCode() != 200) {
            throw new IOException(r.method() + " " + r.uri().getPath() + " answered " + response.statusCode());
        }
        connectedAt = Instant.now();
        lastHeard = System.nanoTime();
        connects++;
        // Registered now: what comes from here on is in the stream; what came before, the catch-up reads.
        catchUp.run();
        lastHeard = System.nanoTime();
        state("connected");
        LOG.info("{} connected", name);
        Lines connection = lines.get();
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = readLine(in); line != null && running; line = readLine(in)) {
            lastHeard = System.nanoTime();
            connection.line(line);
        }
    }

    /** One line ended by LF, CRLF or CR, at most {@link #LONGEST_LINE} characters; null at the end of the stream. */
    static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return line.toString();
            }
            if (line.length() == LONGEST_LINE) {
                throw new IOException("a line of the stream is longer than " + LONGEST_LINE + " characters: not an event"
                        + " the network sends; opening the stream again");
            }
            line.append((char) c);
        }
    }

    /** A connected stream that has said nothing, not even a keep-alive, for too long is closed: the reader reconnects. */
    private void closeIfSilent() {
        if ("connected".equals(state) && System.nanoTime() - lastHeard > silence.toNanos()) {
            LOG.info("{} silent for over {}: opening it again", name, silence);
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
