package org.socialcarebridge.export;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.FollowUp;
import org.socialcarebridge.followup.FollowUpKind;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.DeliveryState;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;

import static org.socialcarebridge.export.MessageColumn.*;

/**
 * Every message the plugin has seen or posted in a time window, with its ticket, triage and delivery
 * data, one {@link MessageRow} each: inbound customer messages in whatever ledger state, and the
 * plugin's own posts (agents' replies from the outbox, closings, surveys and check-ins from the
 * follow-ups). The window is on when a message was written ({@code created_at}), half-open:
 * {@code from} included, {@code to} not, so consecutive windows neither overlap nor leave gaps.
 *
 * <p>Read a page at a time ({@value #PAGE} messages, each page in its own short read after the last
 * key seen), so a year of messages never has to fit in memory and the plugin's writes are not held up
 * by one long read. Rows come oldest first, ties by ledger key. Each page is read as it stands when it
 * is read; a message that arrives during the export with an earlier {@code created_at} than the
 * export has reached is in the next export of that window, not this one.
 *
 * <p>The tables are read as columns (JPQL projections) rather than as entities: the export is a
 * read-only view and needs no behaviour, and a whole entity would load what the export leaves out.
 */
public final class MessageExport {
    static final int PAGE = 500;

    private final Database db;
    private final int pageSize;

    public MessageExport(Database db) {
        this(db, PAGE);
    }

    MessageExport(Database db, int pageSize) {
        this.db = db;
        this.pageSize = pageSize;
    }

    /** Writes every message written in [from, to) to each writer, oldest first; answers how many. */
    public long export(Instant from, Instant to, List<? extends MessageWriter> writers) throws IOException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The export window is empty: from " + from + " is not before to " + to);
        }
        long count = 0;
        Instant afterAt = from;
        String afterKey = ""; // every key sorts after it, so the first page starts at from itself
        while (true) {
            Instant at = afterAt;
            String key = afterKey;
            List<Page.Row> page = db.read(em -> Page.read(em, to, at, key, pageSize));
            for (Page.Row r : page) {
                for (MessageWriter w : writers) {
                    w.write(r.row());
                }
            }
            count += page.size();
            if (page.size() < pageSize) {
                return count;
            }
            Page.Row last = page.get(page.size() - 1);
            afterAt = last.createdAt();
            afterKey = last.key();
        }
    }

    /** One page of the ledger joined to triage, the outbox and the follow-ups. */
    private static final class Page {
        record Row(String key, Instant createdAt, MessageRow row) {
        }

        /** An outbound post's place in what it was posted for. */
        private record Delivery(MessageRow fields, int part, int parts) {
        }

        /** The next page: the messages after (afterAt, afterKey) and before to. */
        static List<Row> read(EntityManager em, Instant to, Instant afterAt, String afterKey, int size) {
            List<Object[]> ledger = em.createQuery("select e.key, e.direction, e.network, e.messageId, e.createdAt,"
                            + " e.ticketId, e.conversationKey, e.authorAccountId, e.authorHandle, e.authorName, e.visibility,"
                            + " e.inReplyToId, e.threadId, e.url, e.text, e.state, e.lastError,"
                            + " e.createdAtAsSent, e.remarks from LedgerEntry e"
                            // The bare range on createdAt lets the database start the index scan at the page.
                            + " where e.createdAt >= :afterAt and e.createdAt < :to"
                            + " and (e.createdAt > :afterAt or e.key > :afterKey)"
                            + " order by e.createdAt, e.key", Object[].class)
                    .setParameter("to", to).setParameter("afterAt", afterAt).setParameter("afterKey", afterKey)
                    .setMaxResults(size).getResultList();
            Set<String> inbound = new TreeSet<>();
            Set<Long> postedOnTickets = new TreeSet<>();
            for (Object[] e : ledger) {
                if (e[1] == LedgerEntry.Direction.INBOUND) {
                    inbound.add((String) e[0]);
                } else if (e[5] != null) {
                    postedOnTickets.add((Long) e[5]);
                }
            }
            Map<String, MessageRow> triage = triage(em, inbound);
            Map<String, Delivery> deliveries = deliveries(em, postedOnTickets);
            List<Row> rows = new ArrayList<>(ledger.size());
            for (Object[] e : ledger) {
                MessageRow row = new MessageRow();
                boolean in = e[1] == LedgerEntry.Direction.INBOUND;
                row.set(DIRECTION, in ? "inbound" : "outbound")
                        .set(NETWORK, ((Network) e[2]).displayName())
                        .set(MESSAGE_ID, e[3])
                        .set(CREATED_AT, e[4])
                        .set(CREATED_AT_AS_SENT, e[17])
                        .set(TICKET_ID, e[5])
                        .set(CONVERSATION_KEY, e[6])
                        .set(AUTHOR_ACCOUNT_ID, e[7])
                        .set(AUTHOR_HANDLE, e[8])
                        .set(AUTHOR_NAME, e[9])
                        .set(VISIBILITY, e[10] == null ? null : lower(((Visibility) e[10]).name()))
                        .set(IN_REPLY_TO, e[11])
                        .set(THREAD_ID, e[12])
                        .set(URL, e[13])
                        .set(TEXT, e[14])
                        .set(REMARKS, e[18])
                        .set(LEDGER_STATE, lower(((LedgerState) e[15]).name()))
                        .set(STATE_REASON, e[16]);
                if (in) {
                    copy(triage.get((String) e[0]), row, TICKETED, APPROVAL_REQUIRED);
                } else {
                    Delivery d = deliveries.get(e[5] + " " + e[3]);
                    if (d != null) {
                        copy(d.fields(), row, DELIVERY_KIND, SURVEY_ANSWER);
                        if (row.get(VISIBILITY) == null) {
                            row.set(VISIBILITY, postVisibility(d));
                        }
                    }
                }
                rows.add(new Row((String) e[0], (Instant) e[4], row));
            }
            return rows;
        }

        /** Triage's columns of each inbound message that has a record, by ledger key. */
        private static Map<String, MessageRow> triage(EntityManager em, Set<String> keys) {
            Map<String, MessageRow> byKey = new HashMap<>();
            if (keys.isEmpty()) {
                return byKey;
            }
            for (Object[] t : em.createQuery("select t.key, t.ticketed, t.tier, t.category, t.sentiment, t.sentimentScore,"
                            + " t.contactType, t.language, t.queue, t.priority, t.due, t.approvalRequired"
                            + " from TriageRecord t where t.key in :keys", Object[].class)
                    .setParameter("keys", keys).getResultList()) {
                byKey.put((String) t[0], new MessageRow()
                        .set(TICKETED, t[1])
                        .set(TIER, t[2] == null ? null : ((Tier) t[2]).name())
                        .set(CATEGORY, t[3])
                        .set(SENTIMENT, t[4] == null ? null : ((Sentiment) t[4]).key())
                        .set(SENTIMENT_SCORE, t[5])
                        .set(CONTACT_TYPE, t[6])
                        .set(LANGUAGE, t[7])
                        .set(QUEUE, t[8])
                        .set(PRIORITY, t[9])
                        .set(DUE, t[10])
                        .set(APPROVAL_REQUIRED, t[11]));
            }
            return byKey;
        }

        /**
         * The delivery columns of every post made on these tickets, keyed by {@code "<ticket> <post id>"}:
         * an agent reply lists its posts' ids space-separated (a Move to private or a numbered thread
         * makes several), a follow-up has one.
         */
        private static Map<String, Delivery> deliveries(EntityManager em, Set<Long> tickets) {
            Map<String, Delivery> byPost = new HashMap<>();
            if (tickets.isEmpty()) {
                return byPost;
            }
            for (Object[] o : em.createQuery("select o.ticketId, o.postId, o.postUrl, o.agent, o.visibility, o.state, o.postedAt"
                            + " from OutboxEntry o where o.ticketId in :tickets and o.postId is not null", Object[].class)
                    .setParameter("tickets", tickets).getResultList()) {
                String[] ids = ((String) o[1]).trim().split(" +");
                String[] urls = o[2] == null ? new String[0] : ((String) o[2]).trim().split(" +");
                ReplyVisibility visibility = (ReplyVisibility) o[4];
                for (int i = 0; i < ids.length; i++) {
                    MessageRow fields = new MessageRow()
                            .set(DELIVERY_KIND, "reply")
                            .set(AGENT, o[3])
                            .set(REPLY_VISIBILITY, visibility == null ? null : visibility.label())
                            .set(DELIVERY_STATE, o[5] == null ? null : ((DeliveryState) o[5]).label())
                            .set(POSTED_AT, o[6])
                            // The outbox appends a link per post (the id when the network gave none).
                            .set(POST_URL, i < urls.length ? urls[i] : null);
                    byPost.put(o[0] + " " + ids[i], new Delivery(fields, i, ids.length));
                }
            }
            for (FollowUp f : em.createQuery("select f from FollowUp f where f.ticketId in :tickets and f.postId is not null",
                    FollowUp.class).setParameter("tickets", tickets).getResultList()) {
                MessageRow fields = new MessageRow()
                        .set(DELIVERY_KIND, kind(f.kind()))
                        .set(AGENT, f.agent())
                        .set(DELIVERY_STATE, lower(f.state().name()))
                        .set(POSTED_AT, f.sentAt())
                        .set(POST_URL, f.postUrl())
                        .set(SURVEY_SCORE, f.score())
                        .set(SURVEY_ANSWER, f.answer());
                byPost.put(f.ticketId() + " " + f.postId().trim(), new Delivery(fields, 0, 1));
            }
            return byPost;
        }

        /**
         * Public or private where what the post was for says so for certain: a Public or Private reply,
         * a Move to private's two posts (the acknowledgement in the thread, then the direct message), a
         * closing (always in the thread) or a survey (always private). Otherwise unknown (null): a Move
         * to private with one post may be the direct message alone or an acknowledgement whose message
         * failed, and a check-in goes where the network allows.
         */
        private static String postVisibility(Delivery d) {
            Object kind = d.fields().get(DELIVERY_KIND);
            if ("closing".equals(kind)) {
                return "public";
            }
            if ("survey".equals(kind)) {
                return "private";
            }
            Object reply = d.fields().get(REPLY_VISIBILITY);
            if (ReplyVisibility.PUBLIC.label().equals(reply)) {
                return "public";
            }
            if (ReplyVisibility.PRIVATE.label().equals(reply)) {
                return "private";
            }
            if (ReplyVisibility.TO_PRIVATE.label().equals(reply) && d.parts() == 2) {
                return d.part() == 0 ? "public" : "private";
            }
            return null;
        }

        private static String kind(FollowUpKind kind) {
            return switch (kind) {
                case CLOSING -> "closing";
                case SURVEY -> "survey";
                case CHECK_IN -> "check-in";
            };
        }

        /** Copies the columns first to last (in {@link MessageColumn}'s order), if there is a source. */
        private static void copy(MessageRow source, MessageRow target, MessageColumn first, MessageColumn last) {
            if (source == null) {
                return;
            }
            for (MessageColumn c : MessageColumn.values()) {
                if (c.ordinal() >= first.ordinal() && c.ordinal() <= last.ordinal()) {
                    target.set(c, source.get(c));
                }
            }
        }

        private static String lower(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
