package org.socialcarebridge.export;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.followup.FollowUp;
import org.socialcarebridge.followup.FollowUpState;
import org.socialcarebridge.followup.FollowUpKind;
import org.socialcarebridge.export.ExportStore.LedgerColumns;
import org.socialcarebridge.export.ExportStore.PageRecords;
import org.socialcarebridge.export.ExportStore.ReplyColumns;
import org.socialcarebridge.export.ExportStore.TriageColumns;
import org.socialcarebridge.persistence.Database;

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
 * <p>The tables are read as columns (JPQL projections, in {@link ExportStore}) rather than as entities:
 * the export is a read-only view and needs no behaviour, and a whole entity would load what the export
 * leaves out.
 */
public final class MessageExport {
    static final int PAGE = 500;

    private final ExportStore store;
    private final int pageSize;

    public MessageExport(Database db) {
        this(db, PAGE);
    }

    MessageExport(Database db, int pageSize) {
        this.store = new ExportStore(db);
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
            List<Page.Row> page = Page.rows(store.page(to, at, key, pageSize));
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

        /** The page's rows, in the ledger's order. */
        static List<Row> rows(PageRecords page) {
            Map<String, MessageRow> triage = triage(page.triage());
            Map<String, Delivery> deliveries = deliveries(page.replies(), page.followUps());
            List<Row> rows = new ArrayList<>(page.ledger().size());
            for (LedgerColumns e : page.ledger()) {
                MessageRow row = new MessageRow();
                boolean in = e.inbound();
                row.set(DIRECTION, in ? "inbound" : "outbound")
                        .set(NETWORK, e.network().displayName())
                        .set(MESSAGE_ID, e.messageId())
                        .set(CREATED_AT, e.createdAt())
                        .set(CREATED_AT_AS_SENT, e.createdAtAsSent())
                        .set(TICKET_ID, e.ticketId())
                        .set(CONVERSATION_KEY, e.conversationKey())
                        .set(AUTHOR_ACCOUNT_ID, e.authorAccountId())
                        .set(AUTHOR_HANDLE, e.authorHandle())
                        .set(AUTHOR_NAME, e.authorName())
                        .set(VISIBILITY, e.visibility() == null ? null : lower(e.visibility().name()))
                        .set(IN_REPLY_TO, e.inReplyToId())
                        .set(THREAD_ID, e.threadId())
                        .set(URL, e.url())
                        .set(TEXT, e.text())
                        .set(REMARKS, e.remarks())
                        .set(LEDGER_STATE, lower(e.state().name()))
                        .set(STATE_REASON, e.lastError());
                if (in) {
                    copy(triage.get(e.key()), row, TICKETED, APPROVAL_REQUIRED);
                } else {
                    Delivery d = deliveries.get(e.ticketId() + " " + e.messageId());
                    if (d != null) {
                        copy(d.fields(), row, DELIVERY_KIND, SURVEY_ANSWER);
                        if (row.get(VISIBILITY) == null) {
                            row.set(VISIBILITY, postVisibility(d));
                        }
                    }
                }
                rows.add(new Row(e.key(), e.createdAt(), row));
            }
            return rows;
        }

        /** Triage's columns of each inbound message that has a record, by ledger key. */
        private static Map<String, MessageRow> triage(List<TriageColumns> records) {
            Map<String, MessageRow> byKey = new HashMap<>();
            for (TriageColumns t : records) {
                byKey.put(t.key(), new MessageRow()
                        .set(TICKETED, t.ticketed())
                        .set(TIER, t.tier() == null ? null : t.tier().name())
                        .set(CATEGORY, t.category())
                        .set(SENTIMENT, t.sentiment() == null ? null : t.sentiment().key())
                        .set(SENTIMENT_SCORE, t.sentimentScore())
                        .set(CONTACT_TYPE, t.contactType())
                        .set(LANGUAGE, t.language())
                        .set(QUEUE, t.queue())
                        .set(PRIORITY, t.priority())
                        .set(DUE, t.due())
                        .set(APPROVAL_REQUIRED, t.approvalRequired()));
            }
            return byKey;
        }

        /**
         * The delivery columns of every post made on the page's tickets, keyed by {@code "<ticket> <post id>"}:
         * an agent reply lists its posts' ids space-separated (a Move to private or a numbered thread
         * makes several), a follow-up has one.
         */
        private static Map<String, Delivery> deliveries(List<ReplyColumns> replies, List<FollowUp> followUps) {
            Map<String, Delivery> byPost = new HashMap<>();
            for (ReplyColumns o : replies) {
                String[] ids = o.postIds().trim().split(" +");
                String[] urls = o.postUrls() == null ? new String[0] : o.postUrls().trim().split(" +");
                ReplyVisibility visibility = o.visibility();
                for (int i = 0; i < ids.length; i++) {
                    MessageRow fields = new MessageRow()
                            .set(DELIVERY_KIND, "reply")
                            .set(AGENT, o.agent())
                            .set(REPLY_VISIBILITY, visibility == null ? null : visibility.label())
                            .set(DELIVERY_STATE, o.stateShown())
                            .set(POSTED_AT, o.postedAt())
                            // The outbox appends a link per post (the id when the network gave none).
                            .set(POST_URL, i < urls.length ? urls[i] : null);
                    byPost.put(o.ticketId() + " " + ids[i], new Delivery(fields, i, ids.length));
                }
            }
            for (FollowUp f : followUps) {
                MessageRow fields = new MessageRow()
                        .set(DELIVERY_KIND, kind(f.kind()))
                        .set(AGENT, f.agent())
                        .set(DELIVERY_STATE, f.state() == FollowUpState.SENT && f.receipt() != null
                                ? lower(f.receipt().name()) : lower(f.state().name()))
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
