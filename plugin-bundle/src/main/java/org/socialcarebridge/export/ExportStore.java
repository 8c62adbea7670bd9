package org.socialcarebridge.export;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.FollowUp;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.reply.DeliveryState;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;

/**
 * What the export reads from the plugin's store: a page of the ledger with the triage of its inbound
 * messages and the deliveries of the tickets it posted on, in one read per page; as columns (JPQL
 * projections), for the reason {@link MessageExport} gives.
 */
final class ExportStore {
    private final Database db;

    ExportStore(Database db) {
        this.db = db;
    }

    /** The ledger's columns the export writes. */
    record LedgerColumns(String key, LedgerEntry.Direction direction, Network network, String messageId, Instant createdAt,
                         Long ticketId, String conversationKey, String authorAccountId, String authorHandle,
                         String authorName, Visibility visibility, String inReplyToId, String threadId, String url,
                         String text, LedgerState state, String lastError, String createdAtAsSent, String remarks) {
        boolean inbound() {
            return direction == LedgerEntry.Direction.INBOUND;
        }
    }

    /** Triage's columns of an inbound message. */
    record TriageColumns(String key, Boolean ticketed, Tier tier, String category, Sentiment sentiment,
                         Double sentimentScore, String contactType, String language, String queue, Integer priority,
                         Instant due, Boolean approvalRequired) {
    }

    /** An agent reply's delivery columns; {@code postIds} and {@code postUrls} list its posts space-separated. */
    record ReplyColumns(Long ticketId, String postIds, String postUrls, String agent, ReplyVisibility visibility,
                        DeliveryState state, Instant postedAt, DeliveryReceipt.Status receipt) {
        /** As Social Delivery shows it: posted, or the furthest the network's receipts say (sent, delivered, read). */
        String stateShown() {
            if (state == DeliveryState.POSTED && receipt != null) {
                return receipt.name().toLowerCase(java.util.Locale.ROOT);
            }
            return state == null ? null : state.label();
        }
    }

    /**
     * One page: the ledger's messages after (afterAt, afterKey) and before {@code to}, oldest first, ties
     * by key; the triage records of its inbound messages; the agent replies and follow-ups posted on the
     * tickets its outbound messages are on.
     */
    record PageRecords(List<LedgerColumns> ledger, List<TriageColumns> triage, List<ReplyColumns> replies,
                       List<FollowUp> followUps) {
    }

    PageRecords page(Instant to, Instant afterAt, String afterKey, int size) {
        return db.read(em -> {
            List<LedgerColumns> ledger = em.createQuery("select e.key, e.direction, e.network, e.messageId, e.createdAt,"
                            + " e.ticketId, e.conversationKey, e.authorAccountId, e.authorHandle, e.authorName, e.visibility,"
                            + " e.inReplyToId, e.threadId, e.url, e.text, e.state, e.lastError,"
                            + " e.createdAtAsSent, e.remarks from LedgerEntry e"
                            // The bare range on createdAt lets the database start the index scan at the page.
                            + " where e.createdAt >= :afterAt and e.createdAt < :to"
                            + " and (e.createdAt > :afterAt or e.key > :afterKey)"
                            + " order by e.createdAt, e.key", Object[].class)
                    .setParameter("to", to).setParameter("afterAt", afterAt).setParameter("afterKey", afterKey)
                    .setMaxResults(size).getResultList().stream()
                    .map(e -> new LedgerColumns((String) e[0], (LedgerEntry.Direction) e[1], (Network) e[2], (String) e[3],
                            (Instant) e[4], (Long) e[5], (String) e[6], (String) e[7], (String) e[8], (String) e[9],
                            (Visibility) e[10], (String) e[11], (String) e[12], (String) e[13], (String) e[14],
                            (LedgerState) e[15], (String) e[16], (String) e[17], (String) e[18]))
                    .toList();
            Set<String> inbound = new TreeSet<>();
            Set<Long> postedOnTickets = new TreeSet<>();
            for (LedgerColumns e : ledger) {
                if (e.inbound()) {
                    inbound.add(e.key());
                } else if (e.ticketId() != null) {
                    postedOnTickets.add(e.ticketId());
                }
            }
            List<TriageColumns> triage = inbound.isEmpty() ? List.of() : em.createQuery("select t.key, t.ticketed, t.tier,"
                            + " t.category, t.sentiment, t.sentimentScore, t.contactType, t.language, t.queue, t.priority,"
                            + " t.due, t.approvalRequired from TriageRecord t where t.key in :keys", Object[].class)
                    .setParameter("keys", inbound).getResultList().stream()
                    .map(t -> new TriageColumns((String) t[0], (Boolean) t[1], (Tier) t[2], (String) t[3], (Sentiment) t[4],
                            (Double) t[5], (String) t[6], (String) t[7], (String) t[8], (Integer) t[9], (Instant) t[10],
                            (Boolean) t[11]))
                    .toList();
            if (postedOnTickets.isEmpty()) {
                return new PageRecords(ledger, triage, List.of(), List.of());
            }
            List<ReplyColumns> replies = em.createQuery("select o.ticketId, o.postId, o.postUrl, o.agent, o.visibility,"
                            + " o.state, o.postedAt, o.receipt from OutboxEntry o where o.ticketId in :tickets and o.postId is not null",
                            Object[].class)
                    .setParameter("tickets", postedOnTickets).getResultList().stream()
                    .map(o -> new ReplyColumns((Long) o[0], (String) o[1], (String) o[2], (String) o[3],
                            (ReplyVisibility) o[4], (DeliveryState) o[5], (Instant) o[6],
                            (DeliveryReceipt.Status) o[7]))
                    .toList();
            List<FollowUp> followUps = em.createQuery("select f from FollowUp f where f.ticketId in :tickets"
                    + " and f.postId is not null", FollowUp.class).setParameter("tickets", postedOnTickets).getResultList();
            return new PageRecords(ledger, triage, replies, followUps);
        });
    }
}
