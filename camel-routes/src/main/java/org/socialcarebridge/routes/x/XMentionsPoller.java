package org.socialcarebridge.routes.x;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Intake;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.network.RateLimitedException;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the brand's mentions: every page since the persisted {@code since_id}, recorded in
 * the ledger before the cursor moves, so a crash re-reads rather than skips.
 */
public final class XMentionsPoller {
    static final String CURSOR = "x:mentions";
    private static final Logger LOG = LoggerFactory.getLogger(XMentionsPoller.class);
    /** X keeps about 800 mentions reachable; more pages than this means something is wrong. */
    private static final int MAX_PAGES = 10;

    private final XApi api;
    private final Intake intake;
    private final Database db;
    private final ChannelStatus status;
    private final Clock clock;
    private volatile SocialIdentity brand;
    private volatile java.time.Instant quietUntil;
    private volatile String lastLoggedError;

    public XMentionsPoller(XApi api, Intake intake, Database db, ChannelStatus status, Clock clock) {
        this.api = api;
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
                brand = XMention.identity(api.me().path("data"));
                intake.recogniseOwnAccount(brand);
                LOG.info("X channel listening for mentions of @{} (id {})", brand.handle(), brand.accountId());
            }
            String since = db.cursor(CURSOR);
            List<InboundMessage> found = new ArrayList<>();
            String newest = since;
            String token = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode answer = api.mentions(brand.accountId(), since, token);
                Map<String, SocialIdentity> authors = XMention.authors(answer);
                for (JsonNode tweet : answer.path("data")) {
                    found.add(XMention.message(tweet, authors));
                }
                String pageNewest = answer.path("meta").path("newest_id").asText(null);
                if (pageNewest != null && (newest == null || newer(pageNewest, newest))) {
                    newest = pageNewest;
                }
                token = answer.path("meta").path("next_token").asText(null);
                if (token == null) {
                    break;
                }
            }
            found.sort(Comparator.comparing(InboundMessage::createdAt).thenComparing(m -> new BigInteger(m.messageId())));
            int fresh = intake.receive(found);
            if (newest != null && !newest.equals(since)) {
                db.moveCursor(CURSOR, newest, clock.instant());
            }
            status.succeeded(clock.instant(), newest);
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

    /** Tweet ids are 64-bit numbers in strings; compare them as numbers. */
    static boolean newer(String a, String b) {
        try {
            return new BigInteger(a).compareTo(new BigInteger(b)) > 0;
        } catch (NumberFormatException e) {
            return a.compareTo(b) > 0;
        }
    }
}
