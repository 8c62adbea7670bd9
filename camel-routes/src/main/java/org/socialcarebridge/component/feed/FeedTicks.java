package org.socialcarebridge.component.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * One network's feeds polled one after another on one tick, in the order their routes started (X: mentions,
 * then direct messages). Why: a stranger who answers a customer's post and then writes privately must be
 * known from the answer before the direct message is filed, or the message opens a ticket of its own; two
 * independent timers would file the direct message first whenever its poll came first. The tick's period
 * is the first consumer's {@code initialDelay} and {@code delay} (a fixed rate).
 *
 * <p>Shared by the network's consumers: stopping any of them stops the tick (a channel's routes are
 * stopped together, when it is detached).
 */
public final class FeedTicks implements ScheduledPollConsumerScheduler {
    private final String name;
    private final List<Runnable> feeds = new CopyOnWriteArrayList<>();
    private CamelContext camel;
    private long initialDelay = -1;
    private long delay;
    private TimeUnit unit;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> ticking;

    /** @param name the thread's name, e.g. {@code x-feeds} */
    public FeedTicks(String name) {
        this.name = name;
    }

    @Override
    public synchronized void onInit(Consumer consumer) {
        if (initialDelay < 0 && consumer instanceof ScheduledPollConsumer poll) {
            initialDelay = poll.getInitialDelay();
            delay = poll.getDelay();
            unit = poll.getTimeUnit();
        }
    }

    @Override
    public void scheduleTask(Runnable feed) {
        feeds.add(feed);
    }

    /**
     * Called by each consumer as its route starts. A feed that joins a tick already running restarts it from
     * the initial delay, so its first read is not a whole period late (the first feed's route may start, and
     * tick, before the second's).
     */
    @Override
    public synchronized void startScheduler() {
        if (executor == null) {
            executor = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, name);
        }
        if (ticking != null) {
            ticking.cancel(false); // a tick under way ends first: the executor has one thread
        }
        // At a fixed rate, as the timers before it: a tick starts every period, not a period after the last ended
        // (which added the reads' own time to every message's wait); one thread, so ticks never overlap.
        ticking = executor.scheduleAtFixedRate(this::tick, Math.max(0, initialDelay), delay, unit);
    }

    private void tick() {
        for (Runnable feed : feeds) {
            feed.run(); // a consumer's run never throws: its poll reports problems to the channel's status
        }
    }

    @Override
    public synchronized boolean isSchedulerStarted() {
        return ticking != null;
    }

    @Override
    public synchronized void unscheduleTask() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        feeds.clear();
    }

    @Override
    public void start() {
        // ticks begin with startScheduler, when the consumers' routes start
    }

    @Override
    public synchronized void stop() {
        unscheduleTask();
        if (executor != null) {
            camel.getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
    }

    @Override
    public void shutdown() {
        stop();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camel = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }
}
