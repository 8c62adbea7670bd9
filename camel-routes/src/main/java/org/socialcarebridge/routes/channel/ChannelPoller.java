package org.socialcarebridge.routes.channel;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Intake;
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

    private final String channel;
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
     * @param channel      the network's name in log lines, e.g. "X"
     * @param brandAccount asks the network who the brand is (its token's account); called until it answers
     */
    public ChannelPoller(String channel, Supplier<SocialIdentity> brandAccount, List<Feed> feeds, Intake intake,
                         Database db, ChannelStatus status, Clock clock) {
        this.channel = channel;
        this.brandAccount = brandAccount;
        this.feeds = List.copyOf(feeds);
        this.intake = intake;
        this.db = db;
        this.status = status;
        this.clock = clock;
    }

    /** Answers the number of new messages recorded. Never throws: problems go to the channel status. */
    public int poll() {
        if (quietUntil != null && clock.instant().isBefore(quietUntil)) {
            return 0;
        }
        try {
            if (brand == null) {
                brand = brandAccount.get();
                intake.recogniseOwnAccount(brand);
                LOG.info("{} channel listening to @{} (id {}): {}", channel, brand.handle(), brand.accountId(),
                        feeds.stream().map(Feed::cursor).toList());
            }
            int fresh = 0;
            Map<String, String> cursors = new LinkedHashMap<>();
            for (Feed feed : feeds) {
                String since = db.cursor(feed.cursor());
                Feed.Page page = feed.read(brand, since);
                List<InboundMessage> found = new ArrayList<>(page.messages());
                found.sort(Comparator.comparing(InboundMessage::createdAt).thenComparing(ChannelPoller::numericId));
                fresh += intake.receive(found);
                if (page.newest() != null && !page.newest().equals(since)) {
                    db.moveCursor(feed.cursor(), page.newest(), clock.instant());
                }
                cursors.put(feed.cursor(), page.newest());
            }
            status.succeeded(clock.instant(), cursors.toString());
            lastLoggedError = null;
            return fresh;
        } catch (RateLimitedException e) {
            quietUntil = e.resetAt();
            status.rateLimited(e.resetAt());
            report(e.getMessage() + "; polling again after " + e.resetAt());
        } catch (RuntimeException e) {
            report(e.getMessage());
        }
        return 0;
    }

    private static BigInteger numericId(InboundMessage m) {
        try {
            return new BigInteger(m.messageId());
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }

    /** Logs a problem once, not on every poll, and always shows it on the health endpoint. */
    private void report(String error) {
        status.failed(clock.instant(), error);
        if (!error.equals(lastLoggedError)) {
            LOG.warn("{} channel: {}", channel, error);
            lastLoggedError = error;
        }
    }
}
