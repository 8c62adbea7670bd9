package org.socialcarebridge.routes.x;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Intake;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.network.RateLimitedException;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the X channel: every feed (mentions, direct messages) since its persisted cursor,
 * recorded in the ledger before the cursor moves, so a crash re-reads rather than skips.
 */
public final class XPoller {
    private static final Logger LOG = LoggerFactory.getLogger(XPoller.class);

    private final XApi api;
    private final List<XFeed> feeds;
    private final Intake intake;
    private final Database db;
    private final ChannelStatus status;
    private final Clock clock;
    private volatile SocialIdentity brand;
    private volatile Instant quietUntil;
    private volatile String lastLoggedError;

    public XPoller(XApi api, Intake intake, Database db, ChannelStatus status, Clock clock) {
        this.api = api;
        this.feeds = List.of(new XMentionsFeed(api, id -> intake.knows(Network.X, id)), new XDirectMessagesFeed(api));
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
                brand = XMessages.identity(api.me().path("data"));
                intake.recogniseOwnAccount(brand);
                LOG.info("X channel listening to @{} (id {}): mentions and direct messages", brand.handle(), brand.accountId());
            }
            int fresh = 0;
            Map<String, String> cursors = new LinkedHashMap<>();
            for (XFeed feed : feeds) {
                String since = db.cursor(feed.cursor());
                XFeed.Page page = feed.read(brand, since);
                List<InboundMessage> found = new ArrayList<>(page.messages());
                found.sort(Comparator.comparing(InboundMessage::createdAt).thenComparing(m -> new BigInteger(m.messageId())));
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

    /** Logs a problem once, not on every poll, and always shows it on the health endpoint. */
    private void report(String error) {
        status.failed(clock.instant(), error);
        if (!error.equals(lastLoggedError)) {
            LOG.warn("X channel: {}", error);
            lastLoggedError = error;
        }
    }
}
