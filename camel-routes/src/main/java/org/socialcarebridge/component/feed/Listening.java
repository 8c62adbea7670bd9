package org.socialcarebridge.component.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one network's feed consumers share: who the brand is (asked until the network answers), when
 * the network may be asked again after a rate limit, and the channel's status on the health board,
 * which shows every feed's cursors and stays failing while any feed fails.
 */
public final class Listening {
    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);

    private final Network network;
    private final Intake intake;
    private final Database db;
    private final ChannelStatus status;
    private final Clock clock;
    private final Map<String, String> cursors = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private volatile SocialIdentity brand;
    private volatile Instant quietUntil;
    private String lastLoggedError;
    private final FeedTicks ticks;

    /** @param status the channel's status, e.g. {@code health.channel("x")} */
    public Listening(Network network, Intake intake, Database db, ChannelStatus status, Clock clock) {
        this.network = network;
        this.intake = intake;
        this.db = db;
        this.status = status;
        this.clock = clock;
        this.ticks = new FeedTicks(network.key() + "-feeds");
    }

    /** The one tick on which the network's feeds are read, in order (see {@link FeedTicks}). */
    public FeedTicks ticks() {
        return ticks;
    }

    public Network network() {
        return network;
    }

    /** Whether the ledger already has this message of the network (a thread's ancestor need not be read again). */
    public boolean knows(String messageId) {
        return intake.knows(network, messageId);
    }

    /** Rate-limited until a reset still ahead: no feed of the network asks until then. */
    boolean quiet() {
        Instant until = quietUntil;
        return until != null && clock.instant().isBefore(until);
    }

    /** The brand's account, asked of the network once it answers; its own posts are recorded, never ticketed. */
    synchronized SocialIdentity brand(Supplier<SocialIdentity> brandAccount) {
        if (brand == null) {
            SocialIdentity account = brandAccount.get();
            intake.recogniseOwnAccount(account);
            LOG.info("{} channel listening to @{} (id {})", network.displayName(), account.handle(), account.accountId());
            brand = account;
        }
        return brand;
    }

    FeedReading reading(FeedReading.Delivery delivery) {
        return new FeedReading(db, clock, delivery);
    }

    /** A feed's poll went through: its positions join the channel's cursors. */
    synchronized void succeeded(Feed feed, Map<String, String> positions) {
        positions.forEach((name, position) -> {
            if (position != null) {
                cursors.put(name, position);
            } else {
                cursors.remove(name);
            }
        });
        failures.remove(feed.cursor());
        if (failures.isEmpty()) {
            status.succeeded(clock.instant(), cursors.toString());
            lastLoggedError = null;
        }
    }

    synchronized void rateLimited(Feed feed, RateLimitedException e) {
        quietUntil = e.resetAt();
        status.rateLimited(e.resetAt());
        failed(feed, e.getMessage() + "; polling again after " + e.resetAt());
    }

    /** Logs a problem once, not on every poll, and always shows it on the health endpoint. */
    synchronized void failed(Feed feed, String error) {
        failures.put(feed.cursor(), error);
        status.failed(clock.instant(), error);
        if (!error.equals(lastLoggedError)) {
            LOG.warn("{} channel: {}", network.displayName(), error);
            lastLoggedError = error;
        }
    }
}
