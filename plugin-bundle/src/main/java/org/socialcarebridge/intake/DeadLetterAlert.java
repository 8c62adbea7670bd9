package org.socialcarebridge.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.host.Alerts;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters where supervisors look: one alert ticket in the help desk's alert queue (RT: Social Ops)
 * while any dead letter is left, each new one added with its reason, its text as plain text (it is
 * untrusted content) and the commands that retry or discard it; resolved once none is left. The open
 * ticket and the last dead letter shown are kept in the plugin's store, so a restart neither forgets
 * nor repeats them. A help-desk outage leaves them for the next call.
 */
public final class DeadLetterAlert {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterAlert.class);
    /** Not under ChannelWatch's {@code alert:}: this is no channel's alert. */
    static final String TICKET = "dead-letters:alert";
    static final String SHOWN = "dead-letters:shown";
    /** Enough of a post to judge it; the ledger keeps it whole. */
    static final int TEXT_SHOWN = NoiseDigest.TEXT_SHOWN;
    static final String SUBJECT = "Dead letters: messages Social Care Bridge could not file";
    /** At most this many are written into the alert at once; the next look adds the rest. */
    static final int SHOWN_AT_ONCE = 200;

    private final Database db;
    private final DeadLetters deadLetters;
    private final Alerts host;
    private final Clock clock;

    public DeadLetterAlert(Database db, DeadLetters deadLetters, Alerts host, Clock clock) {
        this.db = db;
        this.deadLetters = deadLetters;
        this.host = host;
        this.clock = clock;
    }

    /** Raises, extends or resolves the alert; answers how many dead letters were newly shown. */
    public int publish() {
        String open = db.cursor(TICKET);
        boolean alerting = open != null && !open.isEmpty();
        if (deadLetters.count() == 0) {
            if (alerting) {
                host.clearAlert(Long.parseLong(open), "Social Care Bridge: no dead letter is left (each was retried or"
                        + " discarded) at " + clock.instant() + ".");
                db.moveCursor(TICKET, "", clock.instant());
                LOG.info("Resolved dead-letter alert {}: none is left", open);
            }
            return 0;
        }
        String shown = db.cursor(SHOWN);
        // Runs every few seconds: only what was not shown yet is read, never every dead letter's text.
        List<DeadLetters.DeadLetter> fresh = shown == null || shown.isEmpty() ? deadLetters.oldest(SHOWN_AT_ONCE)
                : deadLetters.oldestAfter(Instant.parse(shown.substring(0, shown.indexOf(' '))),
                        shown.substring(shown.indexOf(' ') + 1), SHOWN_AT_ONCE);
        if (fresh.isEmpty() && alerting) {
            return 0;
        }
        StringBuilder text = new StringBuilder();
        (fresh.isEmpty() ? deadLetters.oldest(SHOWN_AT_ONCE) : fresh).forEach(d -> entry(text, d));
        if (!alerting) {
            long id = host.raiseAlert(SUBJECT, "Social Care Bridge could not process these messages; each waits here,"
                    + " visible, and blocks nothing else. Retry one once its cause is fixed (it is filed within a"
                    + " second), or discard it (kept for the record, never filed). This ticket is resolved"
                    + " automatically once none is left; later ones are added as comments.\n\n" + text);
            db.moveCursor(TICKET, String.valueOf(id), clock.instant());
            LOG.warn("Raised dead-letter alert {} for {} messages", id, fresh.size());
        } else {
            host.noteOnAlert(Long.parseLong(open), "More dead letters:\n\n" + text);
        }
        if (!fresh.isEmpty()) {
            db.moveCursor(SHOWN, position(fresh.get(fresh.size() - 1)), clock.instant());
        }
        return fresh.size();
    }

    /** The last one shown: when it became a dead letter and its key, the order of {@link DeadLetters#oldestAfter}. */
    private static String position(DeadLetters.DeadLetter d) {
        return d.deadLetteredAt() + " " + d.key();
    }

    private static void entry(StringBuilder b, DeadLetters.DeadLetter d) {
        String text = d.text() == null ? "" : d.text();
        text = text.length() > TEXT_SHOWN ? text.substring(0, TEXT_SHOWN) + "…" : text;
        b.append(d.key()).append("  ").append(d.author() != null ? d.author() : "(author unknown)").append(" on ")
                .append(d.network().displayName()).append(", received ").append(d.receivedAt()).append('\n')
                .append("  why: ").append(d.reason()).append('\n')
                .append("  text: ").append(text.replaceAll("\\s+", " ")).append('\n')
                .append("  retry: socialcare:retry ").append(d.key()).append("  (Karaf shell), or POST /socialcare/dead-letters/")
                .append(d.key()).append("/retry\n")
                .append("  discard: socialcare:discard ").append(d.key()).append(", or POST /socialcare/dead-letters/")
                .append(d.key()).append("/discard\n\n");
    }
}
