package org.socialcarebridge.simulator.x;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * X's activity stream ({@code GET /2/activity/stream}): one long-lived chunked {@code application/json}
 * answer per connection, one event a line ({@code \r\n}-terminated), a bare {@code \r\n} keep-alive
 * every 20 seconds, and {@code backfill_minutes} (1-5) replaying what went out in those minutes
 * before the live events. One writer thread does all the writing, so every connection sees the
 * events in the order they happened and a slow reader never holds up the API.
 */
final class XActivityStream implements AutoCloseable {
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(20);
    /** What backfill can reach; older events are forgotten, and at most this many are kept. */
    static final Duration BACKFILL = Duration.ofMinutes(5);
    static final int MAX_KEPT = 20_000;
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private record Recent(Instant at, byte[] line) {
    }

    private final Supplier<Instant> clock;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "x-sim-activity-stream");
        t.setDaemon(true);
        return t;
    });
    // Only the writer thread touches these.
    private final List<OutputStream> open = new ArrayList<>();
    private final Deque<Recent> recent = new ArrayDeque<>();
    private ScheduledFuture<?> keepAlive;

    XActivityStream(Supplier<Instant> clock) {
        this.clock = clock;
        keepAliveEvery(DEFAULT_KEEP_ALIVE);
    }

    /** Test control: how often the keep-alive line goes out (X: 20 seconds). */
    void keepAliveEvery(Duration period) {
        writer.execute(() -> {
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            long millis = Math.max(1, period.toMillis());
            keepAlive = writer.scheduleAtFixedRate(() -> writeAll(CRLF), millis, millis, TimeUnit.MILLISECONDS);
        });
    }

    /** A new connection: the backfill first, then every event from now on. */
    void connect(OutputStream out, int backfillMinutes) {
        writer.execute(() -> {
            try {
                Instant from = clock.get().minus(Duration.ofMinutes(backfillMinutes));
                for (Recent r : recent) {
                    if (backfillMinutes > 0 && !r.at().isBefore(from)) {
                        out.write(r.line());
                    }
                }
                out.flush();
                open.add(out);
            } catch (IOException e) {
                close(out);
            }
        });
    }

    /** One event to every open connection, kept for backfill. */
    void publish(byte[] json) {
        byte[] line = new byte[json.length + CRLF.length];
        System.arraycopy(json, 0, line, 0, json.length);
        System.arraycopy(CRLF, 0, line, json.length, CRLF.length);
        writer.execute(() -> {
            Instant now = clock.get();
            recent.addLast(new Recent(now, line));
            while (!recent.isEmpty() && (recent.size() > MAX_KEPT || recent.peekFirst().at().isBefore(now.minus(BACKFILL)))) {
                recent.removeFirst();
            }
            writeAll(line);
        });
    }

    /** Closes every open connection now, as a network hiccup does; answers how many there were. */
    int drop() {
        try {
            return writer.submit(() -> {
                int n = open.size();
                open.forEach(XActivityStream::close);
                open.clear();
                return n;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Forgets the backfill (the simulator's reset); open connections stay open. */
    void reset() {
        writer.execute(recent::clear);
    }

    private void writeAll(byte[] bytes) {
        for (Iterator<OutputStream> it = open.iterator(); it.hasNext(); ) {
            OutputStream out = it.next();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // The client went away: forget the connection.
                it.remove();
                close(out);
            }
        }
    }

    private static void close(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        drop();
        writer.shutdownNow();
    }
}
