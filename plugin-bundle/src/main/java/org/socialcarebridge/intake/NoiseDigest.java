package org.socialcarebridge.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socialcarebridge.conversation.FilteredMessages;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.host.Alerts;
import org.socialcarebridge.persistence.Database;

/**
 * Where supervisors audit what triage kept out, in the help desk itself: one digest ticket a day (UTC)
 * in the alert queue (RT: Social Ops), each filtered message appended with its reasons, its text
 * and the command that promotes it. The ticket stays open until a supervisor has looked and resolves
 * it. Published in batches; a cursor in the plugin's store remembers the last message published.
 */
public final class NoiseDigest {
    static final String CURSOR = "digest:noise";
    static final String TICKET = "digest:noise:";
    /** Enough of a post to judge it; the ledger keeps it whole. */
    static final int TEXT_SHOWN = 500;

    private final Database db;
    private final FilteredMessages filtered;
    private final Alerts host;
    private final Clock clock;

    public NoiseDigest(Database db, Alerts host, Clock clock) {
        this.db = db;
        this.filtered = new FilteredMessages(db);
        this.host = host;
        this.clock = clock;
    }

    /** Appends the messages filtered since the last call; answers how many. A host outage leaves them for next time. */
    public int publish() {
        String position = db.cursor(CURSOR);
        List<FilteredMessages.Filtered> fresh = filtered.after(position == null ? Instant.EPOCH : Instant.parse(position), 200);
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<LocalDate, StringBuilder> byDay = new LinkedHashMap<>();
        for (FilteredMessages.Filtered f : fresh) {
            entry(byDay.computeIfAbsent(LocalDate.ofInstant(f.filteredAt(), ZoneOffset.UTC), d -> new StringBuilder()), f);
        }
        byDay.forEach((day, text) -> {
            String open = db.cursor(TICKET + day);
            if (open == null || open.isEmpty()) {
                long id = host.raiseAlert("Filtered as noise on " + day, "Social Care Bridge triage kept these messages"
                        + " out of the queues as noise. Read them; promote any that needs an answer (the command is under"
                        + " each), then resolve this ticket. Later messages of the day are added as comments.\n\n" + text);
                db.moveCursor(TICKET + day, String.valueOf(id), clock.instant());
            } else {
                host.noteOnAlert(Long.parseLong(open), text.toString());
            }
        });
        db.moveCursor(CURSOR, fresh.get(fresh.size() - 1).filteredAt().toString(), clock.instant());
        return fresh.size();
    }

    private static void entry(StringBuilder b, FilteredMessages.Filtered f) {
        InboundMessage m = f.message();
        String text = m.text().length() > TEXT_SHOWN ? m.text().substring(0, TEXT_SHOWN) + "…" : m.text();
        b.append(f.key()).append("  @").append(m.author().handle()).append(" on ").append(m.network().displayName())
                .append(", ").append(m.author().followers()).append(" followers\n")
                .append("  why: ").append(f.reasons()).append('\n')
                .append("  text: ").append(text.replaceAll("\\s+", " ")).append('\n');
        if (m.url() != null) {
            b.append("  post: ").append(m.url()).append('\n');
        }
        b.append("  promote: socialcare:promote ").append(f.key()).append("  (Karaf shell), or POST /socialcare/triage/filtered/")
                .append(f.key()).append("/promote\n\n");
    }
}
