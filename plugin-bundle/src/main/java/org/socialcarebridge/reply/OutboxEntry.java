package org.socialcarebridge.reply;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.persistence.ColumnText;

/**
 * One agent reply on its way out, keyed by the host transaction that holds it: a reply seen twice
 * (notification and reconciliation) is the same row, so it is posted at most once.
 */
@Entity
@Table(name = "SC_OUTBOX", indexes = {
        @Index(name = "SC_OUTBOX_DUE", columnList = "STATE,NEXT_ATTEMPT_AT"),
        // A ticket's replies: its metrics, and the export's delivery columns, read them by ticket.
        @Index(name = "SC_OUTBOX_TICKET", columnList = "TICKET_ID"),
        // The metrics publisher reads what changed after its cursor every few seconds.
        @Index(name = "SC_OUTBOX_UPDATED", columnList = "UPDATED_AT"),
        // The network's receipts name the message they are about.
        @Index(name = "SC_OUTBOX_DIRECT", columnList = "DIRECT_MESSAGE")})
public class OutboxEntry {
    @Id
    @Column(name = "TRANSACTION_ID")
    private long transactionId;

    @Column(name = "TICKET_ID", nullable = false)
    private long ticketId;

    @Column(name = "AGENT", length = 200)
    private String agent;

    /** The agent's real name, for the signature. */
    @Column(name = "AGENT_NAME", length = 200)
    private String agentName;

    @Enumerated(EnumType.STRING)
    @Column(name = "VISIBILITY", length = 10)
    private ReplyVisibility visibility;

    @Lob
    @Column(name = "TEXT")
    private String text;

    @Lob
    @Column(name = "POSTED_TEXT")
    private String postedText;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 20)
    private DeliveryState state;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    /**
     * The network's ids of the posts made so far, space-separated (a Move to private makes two, a
     * numbered thread one a part): unbounded, so a long thread is recorded whole.
     */
    @Lob
    @Column(name = "POST_ID")
    private String postId;

    /** Why a supervisor must approve it before it posts in public, or null. */
    @Column(name = "APPROVAL_NEEDED", length = APPROVAL_NEEDED_LENGTH)
    private String approvalNeeded;

    /** Who approved it, once approved. */
    @Column(name = "APPROVED_BY", length = 200)
    private String approvedBy;

    /** How many of the reply's posts are on the network; a retry goes on from there. Null in older rows: 0. */
    @Column(name = "POSTS_DONE")
    private Integer postsDone;

    /** Who the agent picked to receive it privately instead of the customer (Social Reply To), or null. */
    @Column(name = "REPLY_TO", length = REPLY_TO_LENGTH)
    private String replyTo;

    /** Who received its direct message, e.g. {@code x:123 @maria} (Social Recipient); null until one is posted. */
    @Column(name = "RECIPIENT", length = 400)
    private String recipient;

    /** The approved template the agent picked (Social Template), sent instead of free text; null for none. */
    @Column(name = "TEMPLATE", length = TEMPLATE_LENGTH)
    private String template;

    /**
     * The reply's direct message as {@code <network key>:<post id>}, which the network's delivery receipts
     * name (WhatsApp's statuses); null until one is posted.
     */
    @Column(name = "DIRECT_MESSAGE", length = DIRECT_MESSAGE_LENGTH)
    private String directMessage;

    /** The furthest the network says the direct message got (sent, delivered, read, failed); null before any. */
    @Enumerated(EnumType.STRING)
    @Column(name = "RECEIPT", length = 10)
    private DeliveryReceipt.Status receipt;

    /** When the network says that happened. */
    @Column(name = "RECEIPT_AT")
    private Instant receiptAt;

    /** The posts' links, space-separated, as {@link #postId}. */
    @Lob
    @Column(name = "POST_URL")
    private String postUrl;

    @Column(name = "LAST_ERROR", length = ColumnText.ERROR_LENGTH)
    private String lastError;

    /** The outcome still has to be written back to the host (it may have been down). */
    @Column(name = "HOST_UPDATE_PENDING", nullable = false)
    private boolean hostUpdatePending;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    /** When the reply's first post reached the network: the customer's first response time ends here. Null before. */
    @Column(name = "POSTED_AT")
    private Instant postedAt;

    /**
     * Since when the network may hold a post of this reply that the outbox has not recorded: a timeout, a
     * 5xx or a crash came after the post was sent. The post is looked up before it is sent again. Null
     * when every outcome is known.
     */
    @Column(name = "UNCONFIRMED_SINCE")
    private Instant unconfirmedSince;

    protected OutboxEntry() {
    }

    public OutboxEntry(AgentReply reply, Instant now) {
        this.transactionId = reply.transactionId();
        this.ticketId = reply.ticketId();
        this.agent = reply.agent();
        this.agentName = reply.agentRealName();
        this.visibility = reply.visibility();
        this.text = reply.text();
        this.replyTo = replyTo(reply.replyTo());
        // A longer name is no template's (MessageTemplate allows 512): kept cut, so the network refuses it by name.
        this.template = reply.template() == null || reply.template().isBlank() ? null
                : ColumnText.cut(reply.template().strip(), TEMPLATE_LENGTH);
        this.state = DeliveryState.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static final int REPLY_TO_LENGTH = 200;
    static final int TEMPLATE_LENGTH = 512;
    static final int DIRECT_MESSAGE_LENGTH = 400;
    static final int APPROVAL_NEEDED_LENGTH = 400;

    /**
     * The agent's pick as the column holds it. A longer value is no participant's handle or account: it
     * is kept shortened with an ellipsis, so it still names nobody and the reply is refused saying so.
     */
    private static String replyTo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return ColumnText.cut(v, REPLY_TO_LENGTH);
    }

    void approvalNeeded(String reason) {
        approvalNeeded = ColumnText.cut(reason, APPROVAL_NEEDED_LENGTH);
    }

    /** Public posts wait until a supervisor approves; nothing is posted meanwhile. */
    boolean awaitsApproval() {
        return approvalNeeded != null && approvedBy == null;
    }

    void holdForApproval(Instant now) {
        state = DeliveryState.HELD_FOR_APPROVAL;
        lastError = approvalNeeded;
        hostUpdatePending = true;
        updatedAt = now;
    }

    /**
     * Waits until the help desk can say whether the author may speak for the brand; the ticket is
     * told once, on the first hold, not on every later try.
     */
    void holdUnverified(String why, Instant next, Instant now) {
        if (state != DeliveryState.HELD_UNVERIFIED) {
            hostUpdatePending = true;
        }
        state = DeliveryState.HELD_UNVERIFIED;
        nextAttemptAt = next;
        lastError = ColumnText.cut(why, ColumnText.ERROR_LENGTH);
        updatedAt = now;
    }

    void approve(String by, Instant now) {
        approvedBy = by;
        state = DeliveryState.QUEUED;
        nextAttemptAt = now;
        lastError = null;
        hostUpdatePending = true;
        updatedAt = now;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public AgentReply reply() {
        return new AgentReply(ticketId, transactionId, agent, text, visibility, false, false, agentName, null, replyTo,
                template);
    }

    void posting(String finalText, Instant now) {
        state = DeliveryState.POSTING;
        postedText = finalText;
        attempts++;
        updatedAt = now;
    }

    /** One of the reply's posts is on the network (recorded before the next is attempted). */
    void stepPosted(String id, String url, Instant now) {
        stepPosted(id, url, null, now);
    }

    /** @param to who received the post when it was a direct message ({@link OutboundPost#recipient()}), else null */
    void stepPosted(String id, String url, String to, Instant now) {
        stepPosted(id, url, to, null, now);
    }

    /** @param direct the post as receipts name it ({@code <network key>:<id>}) when it was a direct message, else null */
    void stepPosted(String id, String url, String to, String direct, Instant now) {
        if (to != null) {
            recipient = to;
        }
        if (direct != null) {
            directMessage = ColumnText.cut(direct, DIRECT_MESSAGE_LENGTH);
        }
        postsDone = postsDone() + 1;
        unconfirmedSince = null;
        postId = postId == null ? id : postId + " " + id;
        String link = url != null ? url : id;
        postUrl = postUrl == null ? link : postUrl + " " + link;
        if (postedAt == null) {
            postedAt = now;
        }
        updatedAt = now;
    }

    /** Every post of the reply is on the network. */
    void posted(Instant now) {
        if (receipt == DeliveryReceipt.Status.FAILED) {
            // The network's failure arrived before the outbox finished recording the post: it stands.
            hostUpdatePending = true;
            updatedAt = now;
            return;
        }
        state = DeliveryState.POSTED;
        lastError = null;
        hostUpdatePending = true;
        updatedAt = now;
    }

    /** When the first post reached the network, or null when nothing did. */
    public Instant postedAt() {
        return postedAt;
    }

    public String agent() {
        return agent;
    }

    public int postsDone() {
        return postsDone == null ? 0 : postsDone;
    }

    void retryAt(Instant when, String error, Instant now) {
        state = DeliveryState.RETRYING;
        nextAttemptAt = when;
        lastError = ColumnText.cut(error, ColumnText.ERROR_LENGTH);
        updatedAt = now;
    }

    /**
     * The post's outcome is unknown: it is looked up from {@code when} on, before anything is sent again.
     * An earlier unknown attempt keeps its start, so the look-up covers both.
     */
    void unconfirmed(Instant since, Instant when, String error, Instant now) {
        if (unconfirmedSince == null || since.isBefore(unconfirmedSince)) {
            unconfirmedSince = since;
        }
        retryAt(when, error, now);
    }

    /** The look-up found no post of the reply: the next attempt posts it. */
    void confirmedAbsent(Instant now) {
        unconfirmedSince = null;
        updatedAt = now;
    }

    /** Since when the network may hold an unrecorded post of this reply, or null. */
    public Instant unconfirmedSince() {
        return unconfirmedSince;
    }

    /** The text of the post last sent to the network (or being sent), or null before the first. */
    public String postedText() {
        return postedText;
    }

    /** When it last changed; for a reply left {@link DeliveryState#POSTING}, when the post was sent. */
    public Instant updatedAt() {
        return updatedAt;
    }

    void end(DeliveryState finalState, String error, Instant now) {
        state = finalState;
        lastError = ColumnText.cut(error, ColumnText.ERROR_LENGTH);
        hostUpdatePending = true;
        updatedAt = now;
    }

    void hostUpdated() {
        hostUpdatePending = false;
    }

    public long transactionId() {
        return transactionId;
    }

    public long ticketId() {
        return ticketId;
    }

    public DeliveryState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String postId() {
        return postId;
    }

    public String postUrl() {
        return postUrl;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public boolean hostUpdatePending() {
        return hostUpdatePending;
    }

    public ReplyVisibility visibility() {
        return visibility;
    }

    /** Who received the reply's direct message, as Social Recipient shows it, or null. */
    public String recipient() {
        return recipient;
    }

    /**
     * What the network says became of the direct message, when it moves it forward ({@link
     * DeliveryReceipt.Status#rank}): sent, then delivered, then read; a failure only replaces sent, and ends
     * the reply FAILED with the network's error. Answers whether it changed anything (old news and
     * duplicates do not).
     */
    boolean receive(DeliveryReceipt r, Instant now) {
        if (!r.movesOn(receipt)) {
            return false;
        }
        receipt = r.status();
        receiptAt = r.at() != null ? r.at() : now;
        if (r.status() == DeliveryReceipt.Status.FAILED) {
            state = DeliveryState.FAILED;
            lastError = ColumnText.cut(r.error(), ColumnText.ERROR_LENGTH);
        }
        hostUpdatePending = true;
        updatedAt = now;
        return true;
    }

    /** The furthest status the network's receipts gave, or null. */
    public DeliveryReceipt.Status receipt() {
        return receipt;
    }

    /** The template the reply sends instead of free text, or null. */
    public String template() {
        return template;
    }

    /** The text shown in the {@code Social Delivery} field of the transaction. */
    public String deliveryLabel() {
        return switch (state) {
            case POSTED -> (receipt != null ? receipt.name().toLowerCase(java.util.Locale.ROOT) : "posted") + " "
                    + (postUrl != null ? postUrl : postId);
            case QUEUED, POSTING, RETRYING -> state.label() + (approvedBy != null ? " (approved by " + approvedBy + ")" : "");
            default -> state.label() + ": " + lastError;
        };
    }
}
