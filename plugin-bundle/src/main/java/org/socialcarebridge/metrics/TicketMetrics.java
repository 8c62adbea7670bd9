package org.socialcarebridge.metrics;

import static org.socialcarebridge.host.TicketField.CSAT;
import static org.socialcarebridge.host.TicketField.FIRST_RESPONSE;
import static org.socialcarebridge.host.TicketField.FIRST_RESPONSE_BAND;
import static org.socialcarebridge.host.TicketField.FIRST_RESPONSE_BUSINESS;
import static org.socialcarebridge.host.TicketField.REPLIES;
import static org.socialcarebridge.host.TicketField.RESOLUTION;
import static org.socialcarebridge.host.TicketField.RESOLUTION_BUSINESS;
import static org.socialcarebridge.host.TicketField.SENTIMENT_CONVERSION;
import static org.socialcarebridge.host.TicketField.SENTIMENT_FIRST;
import static org.socialcarebridge.host.TicketField.SENTIMENT_LAST;
import static org.socialcarebridge.host.TicketField.SLA;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.rules.BusinessHours;

/**
 * A ticket's social care metrics at one moment: the one definition of each number, for the ticket's
 * help desk fields and for the supervisor report alike. Times are whole minutes, rounded down, and
 * start when the customer first wrote; a reply or resolution stamped before that (clocks disagree)
 * counts as zero, never negative.
 *
 * @param firstResponseMinutes         first customer message to first reply that reached them, wall clock; null before a reply
 * @param firstResponseBusinessMinutes the same in the desk's business hours
 * @param band                         the wall-clock first response time's band; null before a reply
 * @param resolutionMinutes            first customer message to the resolution that stands, wall clock; null while not resolved
 * @param resolutionBusinessMinutes    the same in business hours
 * @param replies                      how many agent replies reached the customer
 * @param sentimentFirst               the sentiment of the earliest customer message triage read, or null
 * @param sentimentLast                the sentiment of the latest one, or null
 * @param csat                         the latest answered survey's score, or null
 */
public record TicketMetrics(TicketActivity activity, Long firstResponseMinutes, Long firstResponseBusinessMinutes,
                            ResponseBand band, Long resolutionMinutes, Long resolutionBusinessMinutes, Sla sla, int replies,
                            Sentiment sentimentFirst, Sentiment sentimentLast, Integer csat) {
    public static final List<TicketField> FIELDS = List.of(FIRST_RESPONSE, FIRST_RESPONSE_BUSINESS, FIRST_RESPONSE_BAND, RESOLUTION,
            RESOLUTION_BUSINESS, SLA, REPLIES, SENTIMENT_FIRST, SENTIMENT_LAST, SENTIMENT_CONVERSION, CSAT);

    /** The ticket's metrics {@code now} (the SLA of a ticket nobody answered turns Breached once its due time passes). */
    public static TicketMetrics of(TicketActivity activity, BusinessHours hours, Instant now) {
        Instant first = activity.firstMessageAt();
        Instant reply = activity.firstReplyAt();
        Instant resolved = activity.resolvedAt();
        Duration response = first != null && reply != null ? wall(first, reply) : null;
        Duration resolution = first != null && resolved != null ? wall(first, resolved) : null;
        List<TicketActivity.CustomerMessage> read = activity.messages().stream().filter(m -> m.sentiment() != null).toList();
        return new TicketMetrics(activity,
                response == null ? null : response.toMinutes(),
                response == null ? null : hours.between(first, reply).toMinutes(),
                response == null ? null : ResponseBand.of(response),
                resolution == null ? null : resolution.toMinutes(),
                resolution == null ? null : hours.between(first, resolved).toMinutes(),
                sla(activity.due(), reply, now),
                activity.replies().size(),
                read.isEmpty() ? null : read.get(0).sentiment(),
                read.isEmpty() ? null : read.get(read.size() - 1).sentiment(),
                activity.csat());
    }

    private static Duration wall(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    private static Sla sla(Instant due, Instant firstReply, Instant now) {
        if (firstReply != null) {
            return due == null || !firstReply.isAfter(due) ? Sla.MET : Sla.BREACHED;
        }
        return due != null && now.isAfter(due) ? Sla.BREACHED : Sla.OPEN;
    }

    public long ticketId() {
        return activity.ticketId();
    }

    /** "negative→positive": first to latest sentiment, always both words; null without both. */
    public String sentimentConversion() {
        return sentimentFirst == null || sentimentLast == null ? null : sentimentFirst.key() + "→" + sentimentLast.key();
    }

    /** The agent the CSAT score is credited to (who resolved the ticket the answered survey followed), or null. */
    public String csatAgent() {
        return csat == null ? null : activity.csatAgent();
    }

    /**
     * The help desk field values, every one of {@link #FIELDS} in that order: a metric that does not apply
     * (no reply yet, not resolved or reopened, no survey answer) is the empty string, which is how RT 5's
     * REST2 stores a cleared value. Whoever writes them compares with what it wrote before, an unwritten
     * field counting as empty, so a new ticket's empty fields are never sent and a reopened ticket's
     * resolution times are cleared.
     */
    public Map<TicketField, String> fields() {
        Map<TicketField, String> f = new LinkedHashMap<>();
        f.put(FIRST_RESPONSE, text(firstResponseMinutes));
        f.put(FIRST_RESPONSE_BUSINESS, text(firstResponseBusinessMinutes));
        f.put(FIRST_RESPONSE_BAND, band == null ? "" : band.label());
        f.put(RESOLUTION, text(resolutionMinutes));
        f.put(RESOLUTION_BUSINESS, text(resolutionBusinessMinutes));
        f.put(SLA, sla.label());
        f.put(REPLIES, String.valueOf(replies));
        f.put(SENTIMENT_FIRST, sentimentFirst == null ? "" : sentimentFirst.key());
        f.put(SENTIMENT_LAST, sentimentLast == null ? "" : sentimentLast.key());
        String conversion = sentimentConversion();
        f.put(SENTIMENT_CONVERSION, conversion == null ? "" : conversion);
        f.put(CSAT, text(csat));
        return f;
    }

    private static String text(Number n) {
        return n == null ? "" : String.valueOf(n);
    }
}
