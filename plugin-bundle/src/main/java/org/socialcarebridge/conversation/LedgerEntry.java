package org.socialcarebridge.conversation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.persistence.ColumnText;

/**
 * Every message the plugin has seen or posted, keyed by network and message id: the idempotent store
 * that makes intake exactly once. An inbound message keeps its full content until it is filed, so a
 * crash or a host outage loses nothing.
 */
@Entity
@Table(name = "SC_LEDGER", indexes = {
        @Index(name = "SC_LEDGER_STATE", columnList = "STATE,CREATED_AT"),
        @Index(name = "SC_LEDGER_TICKET", columnList = "TICKET_ID"),
        // The export reads a time window page by page in this order.
        @Index(name = "SC_LEDGER_CREATED", columnList = "CREATED_AT,MESSAGE_KEY"),
        // The metrics publisher reads what was filed after its cursor every few seconds.
        @Index(name = "SC_LEDGER_FILED", columnList = "FILED_AT"),
        // A DM finds its customer's latest conversation, twice per filing pass (grouping, then filing).
        @Index(name = "SC_LEDGER_AUTHOR", columnList = "AUTHOR_ACCOUNT_ID,NETWORK,FILED_AT")})
public class LedgerEntry {
    public enum Direction { INBOUND, OUTBOUND }

    /** The MESSAGE_KEY column's length: the network's key, a colon and an id of at most 100 characters. */
    static final int KEY_LENGTH = 200;

    @Id
    @Column(name = "MESSAGE_KEY", length = KEY_LENGTH)
    private String key;

    @Column(name = "NETWORK", nullable = false, length = 20) // NetworkConverter: X, MASTODON as before
    private Network network;

    @Column(name = "MESSAGE_ID", nullable = false, length = InboundMessage.ID_LENGTH)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "DIRECTION", nullable = false, length = 10)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 20)
    private LedgerState state;

    @Column(name = "TICKET_ID")
    private Long ticketId;

    @Column(name = "CONVERSATION_KEY", length = 200)
    private String conversationKey;

    @Column(name = "AUTHOR_ACCOUNT_ID", length = SocialIdentity.ACCOUNT_ID_LENGTH)
    private String authorAccountId;
    @Column(name = "AUTHOR_HANDLE", length = SocialIdentity.HANDLE_LENGTH)
    private String authorHandle;
    @Column(name = "AUTHOR_NAME", length = SocialIdentity.NAME_LENGTH)
    private String authorName;
    @Column(name = "AUTHOR_PROFILE_URL", length = SocialIdentity.URL_LENGTH)
    private String authorProfileUrl;
    @Column(name = "AUTHOR_FOLLOWERS")
    private long authorFollowers;
    @Column(name = "AUTHOR_VERIFIED")
    private boolean authorVerified;

    @Lob
    @Column(name = "TEXT")
    private String text;
    /** The network's time; the time of receipt when the network's could not be read (see createdAtAsSent). */
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;
    /** The network's creation time as it arrived, when it could not be read; null when it was. */
    @Column(name = "CREATED_AT_AS_SENT", length = InboundMessage.CREATED_AT_AS_SENT_LENGTH)
    private String createdAtAsSent;
    /** What arrived differently from what is stored, one remark a line (InboundMessage.remarks), or null. */
    @Lob
    @Column(name = "REMARKS")
    private String remarks;
    @Column(name = "IN_REPLY_TO_ID", length = InboundMessage.ID_LENGTH)
    private String inReplyToId;
    @Column(name = "THREAD_ID", length = InboundMessage.ID_LENGTH)
    private String threadId;
    @Enumerated(EnumType.STRING)
    @Column(name = "VISIBILITY", length = 10)
    private Visibility visibility;
    @Column(name = "URL", length = InboundMessage.URL_LENGTH)
    private String url;

    /** Filing attempts that reached the host; after the first, a retry checks the host before filing. */
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    /**
     * When the plugin last asked the host to write this message (open its ticket, or add it to one) without
     * hearing back; the host may still be writing it, so a retry looks it up until it is surely not coming.
     */
    @Column(name = "HOST_WRITE_SINCE")
    private Instant hostWriteSince;
    @Column(name = "LAST_ERROR", length = ColumnText.ERROR_LENGTH)
    private String lastError;
    @Column(name = "RECEIVED_AT", nullable = false)
    private Instant receivedAt;
    @Column(name = "FILED_AT")
    private Instant filedAt;
    /** A supervisor promoted it from the noise triage filtered: it is ticketed whatever triage says. */
    @Column(name = "PROMOTED")
    private Boolean promoted;
    /** When it last became a dead letter; kept after a retry or a discard, for the record. */
    @Column(name = "DEAD_LETTERED_AT")
    private Instant deadLetteredAt;
    /** When an administrator discarded it as a dead letter. */
    @Column(name = "DISCARDED_AT")
    private Instant discardedAt;

    protected LedgerEntry() {
    }

    public static LedgerEntry received(InboundMessage m, Instant now) {
        LedgerEntry e = new LedgerEntry();
        e.key = m.key();
        e.network = m.network();
        e.messageId = m.messageId();
        e.direction = Direction.INBOUND;
        e.state = LedgerState.RECEIVED;
        SocialIdentity a = m.author();
        e.authorAccountId = a.accountId();
        e.authorHandle = a.handle();
        e.authorName = a.displayName();
        e.authorProfileUrl = a.profileUrl();
        e.authorFollowers = a.followers();
        e.authorVerified = a.verified();
        e.text = m.text();
        // An unreadable time is not made up: the SLA counts from receipt, and the raw value stays beside it.
        e.createdAt = m.createdAt() != null ? m.createdAt() : now;
        e.createdAtAsSent = m.createdAtAsSent();
        e.remarks = m.remarks().isEmpty() ? null : ColumnText.capped(String.join("\n", m.remarks()));
        e.inReplyToId = m.inReplyToId();
        e.threadId = m.conversationId();
        e.visibility = m.visibility();
        e.url = m.url();
        e.receivedAt = now;
        return e;
    }

    /** A post the plugin made itself: recorded so its echo is recognised and answers to it join the ticket. */
    public static LedgerEntry posted(Network network, String messageId, Conversation conversation, String text, Instant now) {
        return posted(network, messageId, conversation, text, null, now);
    }

    static LedgerEntry posted(Network network, String messageId, Conversation conversation, String text,
                              Visibility visibility, Instant now) {
        LedgerEntry e = new LedgerEntry();
        e.visibility = visibility;
        e.key = network.key() + ":" + messageId;
        e.network = network;
        e.messageId = messageId;
        e.direction = Direction.OUTBOUND;
        e.state = LedgerState.FILED;
        e.ticketId = conversation.ticketId();
        e.conversationKey = conversation.key();
        e.text = text;
        e.createdAt = now;
        e.receivedAt = now;
        e.filedAt = now;
        return e;
    }

    /** The message a post of the brand answers; set once, when it is recorded. */
    void answering(String messageId) {
        inReplyToId = messageId;
    }

    /** How much of an unreadable item is kept as its text: enough for a human to see what arrived. */

    /**
     * An item a network sent that the plugin could not read as a message: dead-lettered as it arrived,
     * so its page goes on and a human sees it. Its id is the network's when usable, else
     * {@code unreadable-} and the first 16 hex digits of the raw item's SHA-256, so a re-read finds it.
     * Nothing in it can be trusted, so its time is the receipt time and the reason says so.
     */
    public static LedgerEntry unreadable(Network network, String messageId, String raw, String reason, Instant now) {
        String body = raw == null ? "" : raw;
        String id = messageId == null || messageId.isBlank() || messageId.length() > InboundMessage.ID_LENGTH
                ? "unreadable-" + sha256(body).substring(0, 16) : messageId;
        LedgerEntry e = new LedgerEntry();
        e.key = network.key() + ":" + id;
        e.network = network;
        e.messageId = id;
        e.direction = Direction.INBOUND;
        e.text = ColumnText.capped(body);
        e.createdAt = now;
        e.receivedAt = now;
        e.deadLetter("Unreadable " + network.displayName() + " item (its time is unknown; the time it was received"
                + " is shown): " + reason, now);
        return e;
    }


    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public InboundMessage message() {
        SocialIdentity author = new SocialIdentity(network, authorAccountId, authorHandle, authorName,
                authorProfileUrl, authorFollowers, authorVerified);
        return new InboundMessage(network, messageId, author, text, createdAt, inReplyToId, threadId, visibility, url, null,
                createdAtAsSent, remarks == null ? List.of() : Arrays.asList(remarks.split("\n")));
    }

    public void ignore(String reason, Instant now) {
        state = LedgerState.IGNORED;
        lastError = ColumnText.cut(reason, ColumnText.ERROR_LENGTH);
        filedAt = now;
    }

    /** Triage found it to be noise: kept with the reasons, not ticketed. */
    public void filter(String reasons, Instant now) {
        state = LedgerState.FILTERED;
        lastError = ColumnText.cut(reasons, ColumnText.ERROR_LENGTH);
        filedAt = now;
    }

    /** A supervisor says triage was wrong: file it like any received message, and never filter it again. */
    public void promote() {
        if (state != LedgerState.FILTERED) {
            throw new IllegalStateException("Message " + key + " is " + state + ", not filtered as noise; only filtered"
                    + " messages can be promoted to a ticket");
        }
        state = LedgerState.RECEIVED;
        promoted = Boolean.TRUE;
        lastError = null;
    }

    public boolean promoted() {
        return Boolean.TRUE.equals(promoted);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public void attempted() {
        attempts++;
    }

    /** The host is asked to write it now; durable before the call, so a timeout or crash leaves the time. */
    public void writingToHost(Instant now) {
        hostWriteSince = now;
    }

    /** When the host was last asked to write it without a recorded answer, or null. */
    public Instant hostWriteSince() {
        return hostWriteSince;
    }

    public void filed(Conversation conversation, Instant now) {
        state = LedgerState.FILED;
        ticketId = conversation.ticketId();
        conversationKey = conversation.key();
        filedAt = now;
        lastError = null;
    }

    public void failed(String error) {
        lastError = ColumnText.cut(error, ColumnText.ERROR_LENGTH);
    }

    /** It cannot be processed: kept with the reason (cut to its column) for an administrator. */
    public void deadLetter(String reason, Instant now) {
        state = LedgerState.DEAD_LETTER;
        lastError = ColumnText.cut(reason, ColumnText.ERROR_LENGTH);
        deadLetteredAt = now;
    }

    /**
     * An administrator sends a dead letter back to be filed. The attempt counter stays: if it reached
     * the help desk before, the next pass asks the help desk before filing again.
     *
     * @throws IllegalStateException when it is not a dead letter, or there is no message to file
     */
    public void retry() {
        requireDeadLetter("retried");
        if (!readable()) {
            throw new IllegalStateException("Message " + key + " was never read into a message (" + lastError
                    + "); there is nothing to file. Discard it, or fix the feed and let the network serve it again");
        }
        state = LedgerState.RECEIVED;
        lastError = null;
    }

    /** An administrator decides a dead letter is not to be filed: kept for the record, with when. */
    public void discard(Instant now) {
        requireDeadLetter("discarded");
        state = LedgerState.DISCARDED;
        discardedAt = now;
    }

    private void requireDeadLetter(String verb) {
        if (state != LedgerState.DEAD_LETTER) {
            throw new IllegalStateException("Message " + key + " is " + state + ", not a dead letter; only dead letters"
                    + " can be " + verb + " (socialcare:dead-letters lists them)");
        }
    }

    /** Whether it holds a message read from its network (an unreadable feed item keeps only its raw text). */
    public boolean readable() {
        return direction == Direction.INBOUND && authorAccountId != null && visibility != null;
    }

    public Network network() {
        return network;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant deadLetteredAt() {
        return deadLetteredAt;
    }

    public Instant discardedAt() {
        return discardedAt;
    }

    /** The author as the plugin keys them, with their handle, e.g. {@code x:1002 (@maria)}; null when unknown. */
    public String author() {
        return authorAccountId == null ? null
                : network.key() + ":" + authorAccountId + (authorHandle == null ? "" : " (@" + authorHandle + ")");
    }

    /**
     * A message the store refused as received: kept as a dead letter with its fields (the records
     * already cut each to its column) and its text whole, so the page it came on is still recorded
     * and the administrator sees why.
     */
    public static LedgerEntry unstorable(InboundMessage m, String reason, Instant now) {
        LedgerEntry e = received(m, now);
        e.deadLetter(reason, now);
        return e;
    }

    public String key() {
        return key;
    }

    public LedgerState state() {
        return state;
    }

    /** The message's text as written (untrusted content from the internet). */
    public String text() {
        return text;
    }

    public String messageId() {
        return messageId;
    }

    public Direction direction() {
        return direction;
    }

    public Long ticketId() {
        return ticketId;
    }

    public String conversationKey() {
        return conversationKey;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
