package org.socialcarebridge.routes.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.network.RateLimitedException;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a channel: every feed since its persisted cursor, recorded in the ledger before the
 * cursor moves, so a crash re-reads rather than skips. The same for every network; the feeds differ.
 */
public final class ChannelPoller {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPoller.class);

    private final Network network;
    private final Supplier<SocialIdentity> brandAccount;
    private final List<Feed> feeds;
    private final Intake intake;
    private final Database db;
    private final ChannelStatus status;
    private final Clock clock;
    private volatile SocialIdentity brand;
    private volatile Instant quietUntil;
    private volatile String lastLoggedError;

    /**
     * @param brandAccount asks the network who the brand is (its token's account); called until it answers
     */
    public ChannelPoller(Network network, Supplier<SocialIdentity> brandAccount, List<Feed> feeds, Intake intake,
                         Database db, ChannelStatus status, Clock clock) {
        this.network = network;
        this.brandAccount = brandAccount;
        this.feeds = List.copyOf(feeds);
        this.intake = intake;
        this.db = db;
        this.status = status;
        this.clock = clock;
    }

    /**
     * Answers the number of new messages recorded. Never throws, not even an {@link Error}: Camel's
     * timer catches only exceptions, and anything else would end its thread while the route still
     * says Started. Problems go to the channel status (failing on the health endpoint) instead.
     */
    public int poll() {
        if (quietUntil != null && clock.instant().isBefore(quietUntil)) {
            return 0;
        }
        try {
            if (brand == null) {
                brand = brandAccount.get();
                intake.recogniseOwnAccount(brand);
                LOG.info("{} channel listening to @{} (id {}): {}", network.displayName(), brand.handle(),
                        brand.accountId(), feeds.stream().map(Feed::cursor).toList());
            }
            int fresh = 0;
            int unreadable = 0;
            Map<String, String> cursors = new LinkedHashMap<>();
            for (Feed feed : feeds) {
                FeedReading reading = new FeedReading(network, intake, db, clock);
                feed.read(brand, reading);
                fresh += reading.fresh();
                unreadable += reading.unreadable();
                reading.positions().forEach((name, position) -> {
                    if (position != null) {
                        cursors.put(name, position);
                    }
                });
            }
            if (unreadable > 0) {
                LOG.warn("{} channel: {} unreadable item(s) dead-lettered", network.displayName(), unreadable);
            }
            status.succeeded(clock.instant(), cursors.toString());
            lastLoggedError = null;
            return fresh;
        } catch (RateLimitedException e) {
            quietUntil = e.resetAt();
            status.rateLimited(e.resetAt());
            report(e.getMessage() + "; polling again after " + e.resetAt());
        } catch (RuntimeException e) {
            report(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (Throwable e) {
            // A stack overflow has unwound by now and the thread is sound. An OutOfMemoryError is not
            // rethrown either: rethrowing ends the timer thread for good (the silent stop this avoids);
            // caught, this poll's garbage is freed, the channel shows failing, and the next poll tries
            // again. A JVM that is truly out of memory is better ended by -XX:+ExitOnOutOfMemoryError
            // than left with a timer that no longer fires.
            report(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return 0;
    }

    /** Logs a problem once, not on every poll, and always shows it on the health endpoint. */
    private void report(String error) {
        status.failed(clock.instant(), error);
        if (!error.equals(lastLoggedError)) {
            LOG.warn("{} channel: {}", network.displayName(), error);
            lastLoggedError = error;
        }
    }
}
