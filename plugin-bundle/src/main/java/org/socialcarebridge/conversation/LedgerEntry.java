package org.socialcarebridge.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

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
        @Index(name = "SC_LEDGER_FILED", columnList = "FILED_AT")})
public class LedgerEntry {
    public enum Direction { INBOUND, OUTBOUND }

    @Id
    @Column(name = "MESSAGE_KEY", length = 200)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "NETWORK", nullable = false, length = 20)
    private Network network;

    @Column(name = "MESSAGE_ID", nullable = false, length = 100)
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

    @Column(name = "AUTHOR_ACCOUNT_ID", length = 100)
    private String authorAccountId;
    @Column(name = "AUTHOR_HANDLE", length = 200)
    private String authorHandle;
    @Column(name = "AUTHOR_NAME", length = 400)
    private String authorName;
    @Column(name = "AUTHOR_PROFILE_URL", length = 1000)
    private String authorProfileUrl;
    @Column(name = "AUTHOR_FOLLOWERS")
    private long authorFollowers;
    @Column(name = "AUTHOR_VERIFIED")
    private boolean authorVerified;

    @Lob
    @Column(name = "TEXT")
    private String text;
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;
    @Column(name = "IN_REPLY_TO_ID", length = 100)
    private String inReplyToId;
    @Column(name = "THREAD_ID", length = 100)
    private String threadId;
    @Enumerated(EnumType.STRING)
    @Column(name = "VISIBILITY", length = 10)
    private Visibility visibility;
    @Column(name = "URL", length = 1000)
    private String url;

    /** Filing attempts that reached the host; after the first, a retry checks the host before filing. */
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "LAST_ERROR", length = 2000)
    private String lastError;
    @Column(name = "RECEIVED_AT", nullable = false)
    private Instant receivedAt;
    @Column(name = "FILED_AT")
    private Instant filedAt;
    /** A supervisor promoted it from the noise triage filtered: it is ticketed whatever triage says. */
    @Column(name = "PROMOTED")
    private Boolean promoted;

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
        e.createdAt = m.createdAt();
        e.inReplyToId = m.inReplyToId();
        e.threadId = m.conversationId();
        e.visibility = m.visibility();
        e.url = m.url();
        e.receivedAt = now;
        return e;
    }

    /**
     * Records a post the plugin made itself in this conversation (an agent's reply, a follow-up), once:
     * its echo is then recognised and answers to it join the ticket.
     *
     * @param visibility how it was posted (public in the thread, or a direct message)
     */
    public static void recordPosted(jakarta.persistence.EntityManager em, Conversation conversation, String messageId,
                                    String text, Visibility visibility, Instant now) {
        if (em.find(LedgerEntry.class, conversation.network().key() + ":" + messageId) == null) {
            em.persist(posted(conversation.network(), messageId, conversation, text, visibility, now));
        }
    }

    /** A post the plugin made itself: recorded so its echo is recognised and answers to it join the ticket. */
    public static LedgerEntry posted(Network network, String messageId, Conversation conversation, String text, Instant now) {
        return posted(network, messageId, conversation, text, null, now);
    }

    private static LedgerEntry posted(Network network, String messageId, Conversation conversation, String text,
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

    /** How much of an unreadable item is kept as its text: enough for a human to see what arrived. */
    static final int UNREADABLE_TEXT_LENGTH = 64 * 1024;
    static final int LAST_ERROR_LENGTH = 2000;
    static final int MESSAGE_ID_LENGTH = 100;

    /**
     * An item a network sent that the plugin could not read as a message: dead-lettered as it arrived,
     * so its page goes on and a human sees it. Its id is the network's when usable, else
     * {@code unreadable-} and the first 16 hex digits of the raw item's SHA-256, so a re-read finds it.
     * Nothing in it can be trusted, so its time is the receipt time and the reason says so.
     */
    public static LedgerEntry unreadable(Network network, String messageId, String raw, String reason, Instant now) {
        String body = raw == null ? "" : raw;
        String id = messageId == null || messageId.isBlank() || messageId.length() > MESSAGE_ID_LENGTH
                ? "unreadable-" + sha256(body).substring(0, 16) : messageId;
        LedgerEntry e = new LedgerEntry();
        e.key = network.key() + ":" + id;
        e.network = network;
        e.messageId = id;
        e.direction = Direction.INBOUND;
        e.state = LedgerState.DEAD_LETTER;
        e.text = cut(body, UNREADABLE_TEXT_LENGTH);
        e.createdAt = now;
        e.receivedAt = now;
        e.lastError = cut("Unreadable " + network.displayName() + " item (its time is unknown; the time it was received"
                + " is shown): " + reason, LAST_ERROR_LENGTH);
        return e;
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
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
        return new InboundMessage(network, messageId, author, text, createdAt, inReplyToId, threadId, visibility, url);
    }

    public void ignore(String reason, Instant now) {
        state = LedgerState.IGNORED;
        lastError = reason;
        filedAt = now;
    }

    /** Triage found it to be noise: kept with the reasons, not ticketed. */
    public void filter(String reasons, Instant now) {
        state = LedgerState.FILTERED;
        lastError = reasons;
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

    public void filed(Conversation conversation, Instant now) {
        state = LedgerState.FILED;
        ticketId = conversation.ticketId();
        conversationKey = conversation.key();
        filedAt = now;
        lastError = null;
    }

    public void failed(String error) {
        lastError = error;
    }

    public void deadLetter(String error) {
        state = LedgerState.DEAD_LETTER;
        lastError = error;
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
