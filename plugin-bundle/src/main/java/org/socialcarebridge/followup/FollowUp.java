package org.socialcarebridge.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.persistence.ColumnText;

/**
 * One closing post, survey or check-in for one resolution of a ticket. Keyed by the resolution's host
 * transaction and the kind, so a resolution read twice schedules each follow-up once.
 */
@Entity
@Table(name = "SC_FOLLOWUP", indexes = {
        @Index(name = "SC_FOLLOWUP_DUE", columnList = "STATE,DUE_AT"),
        @Index(name = "SC_FOLLOWUP_TICKET", columnList = "TICKET_ID"),
        @Index(name = "SC_FOLLOWUP_CUSTOMER", columnList = "NETWORK,CUSTOMER_ACCOUNT_ID"),
        // The metrics publisher reads what changed after its cursor every few seconds.
        @Index(name = "SC_FOLLOWUP_UPDATED", columnList = "UPDATED_AT"),
        // The network's receipts name the message they are about.
        @Index(name = "SC_FOLLOWUP_POST", columnList = "NETWORK,POST_ID")})
public class FollowUp {
    static final int POST_URL_LENGTH = 1000;
    static final int REASON_LENGTH = 1000;

    /** {@code <resolution transaction>:<kind>}, e.g. {@code 4711:SURVEY}. */
    @Id
    @Column(name = "FOLLOWUP_KEY", length = 60)
    private String key;

    @Column(name = "RESOLUTION_TXN", nullable = false)
    private long resolutionTransactionId;

    @Column(name = "TICKET_ID", nullable = false)
    private long ticketId;

    @Column(name = "CONVERSATION_KEY", nullable = false, length = 200)
    private String conversationKey;

    @Column(name = "NETWORK", nullable = false, length = 20) // NetworkConverter: X, MASTODON as before
    private Network network;

    /** Who it is sent to: the conversation's customer when the ticket was resolved. */
    @Column(name = "CUSTOMER_ACCOUNT_ID", nullable = false, length = 100)
    private String customerAccountId;

    @Column(name = "CUSTOMER_HANDLE", length = 200)
    private String customerHandle;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    private FollowUpKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 10)
    private FollowUpState state;

    /** The agent who resolved the ticket: a survey's score is credited to them. */
    @Column(name = "AGENT", length = 200)
    private String agent;

    @Column(name = "DUE_AT", nullable = false)
    private Instant dueAt;

    @Column(name = "SENT_AT")
    private Instant sentAt;

    /**
     * Since when the network may hold this follow-up although no answer recorded it (a timeout, a 5xx, a
     * crash or a database error after posting); it is looked up before it is sent again. Null when known.
     */
    @Column(name = "SENDING_SINCE")
    private Instant sendingSince;

    @Column(name = "POST_ID", length = 100)
    private String postId;

    /** The furthest the network's receipts say the message got (sent, delivered, read, failed); null before any. */
    @Enumerated(EnumType.STRING)
    @Column(name = "RECEIPT", length = 10)
    private DeliveryReceipt.Status receipt;

    @Column(name = "POST_URL", length = POST_URL_LENGTH)
    private String postUrl;

    @Lob
    @Column(name = "TEXT")
    private String text;

    /** The survey's score, 1 to 5, once answered. */
    @Column(name = "SCORE")
    private Integer score;

    /** The customer's answer to the survey, as written (untrusted). */
    @Lob
    @Column(name = "ANSWER")
    private String answer;

    @Column(name = "ANSWERED_AT")
    private Instant answeredAt;

    /** The ledger key of the customer's message that answered the survey: the same message read twice is one answer. */
    @Column(name = "ANSWER_KEY", length = 200)
    private String answerKey;

    /** Why it was skipped, cancelled or failed; what the ticket shows. */
    @Column(name = "REASON", length = REASON_LENGTH)
    private String reason;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    /** What became of it still has to be written to the help desk (it may have been down). */
    @Column(name = "HOST_UPDATE_PENDING", nullable = false)
    private boolean hostUpdatePending;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected FollowUp() {
    }

    /** To the conversation's customer as it stands at the resolution. */
    FollowUp(Resolution resolution, FollowUpKind kind, Conversation conversation, Instant dueAt, Instant now) {
        this.key = key(resolution.transactionId(), kind);
        this.resolutionTransactionId = resolution.transactionId();
        this.ticketId = resolution.ticketId();
        this.agent = resolution.resolvedBy();
        this.kind = kind;
        this.conversationKey = conversation.key();
        this.network = conversation.network();
        this.customerAccountId = conversation.customerAccountId();
        this.customerHandle = conversation.customerHandle();
        this.state = FollowUpState.SCHEDULED;
        this.dueAt = dueAt;
        this.createdAt = now;
        this.updatedAt = now;
        this.hostUpdatePending = true;
    }

    static String key(long resolutionTransactionId, FollowUpKind kind) {
        return resolutionTransactionId + ":" + kind.name();
    }

    /** About to go to the network: durable first, so a crash after the post never sends it again blind. */
    void sending(String text, Instant now) {
        this.state = FollowUpState.SENDING;
        this.text = text;
        if (sendingSince == null) {
            sendingSince = now;
        }
        this.updatedAt = now;
    }

    /** Its answer never came: looked up at {@code when}, before anything is sent again. */
    void unconfirmed(Instant when, String why, Instant now) {
        this.state = FollowUpState.SCHEDULED;
        this.attempts++;
        this.dueAt = when;
        this.reason = why;
        this.updatedAt = now;
    }

    /** The network holds no post of it (looked up, or it surely refused): the next attempt posts it. */
    void confirmedAbsent(Instant now) {
        this.sendingSince = null;
        this.updatedAt = now;
    }

    /** Since when the network may hold an unrecorded post of it, or null. */
    public Instant sendingSince() {
        return sendingSince;
    }

    void sent(String postId, String postUrl, String text, Instant now) {
        this.state = FollowUpState.SENT;
        this.postId = postId;
        this.postUrl = ColumnText.cut(postUrl, POST_URL_LENGTH);
        this.text = text;
        this.sentAt = now;
        this.reason = null;
        this.sendingSince = null;
        changed(now);
    }

    void answered(Integer score, String answer, String answerKey, Instant now) {
        this.state = FollowUpState.ANSWERED;
        this.answerKey = answerKey;
        this.score = score;
        this.answer = answer;
        this.answeredAt = now;
        changed(now);
    }

    /**
     * Ends it unsent ({@link FollowUpState#SKIPPED}, {@link FollowUpState#CANCELLED}, {@link FollowUpState#FAILED})
     * or maybe sent ({@link FollowUpState#UNCERTAIN}).
     */
    void end(FollowUpState finalState, String why, Instant now) {
        this.state = finalState;
        this.sendingSince = null;
        this.reason = ColumnText.cut(why, REASON_LENGTH);
        changed(now);
    }

    void retryAt(Instant when, String why, Instant now) {
        this.state = FollowUpState.SCHEDULED;
        this.attempts++;
        this.dueAt = when;
        this.reason = ColumnText.cut(why, REASON_LENGTH);
        this.updatedAt = now;
    }

    void hostUpdated() {
        hostUpdatePending = false;
    }

    /**
     * What the network says became of the sent message, when it moves it forward ({@link
     * DeliveryReceipt#movesOn}). A failure of a sent follow-up fails it with the network's error, shown on the
     * ticket; delivered and read are kept (the export shows them) without telling the ticket again. Answers
     * whether it changed anything.
     */
    boolean receive(DeliveryReceipt r, Instant now) {
        boolean failed = r.status() == DeliveryReceipt.Status.FAILED;
        if (!r.movesOn(receipt) || failed && state != FollowUpState.SENT) {
            return false; // an answered survey reached the customer, whatever a late failure says
        }
        receipt = r.status();
        if (failed) {
            end(FollowUpState.FAILED, r.error(), now);
        } else {
            updatedAt = now; // the export and the metrics read changes by this; the ticket's field shows no receipt
        }
        return true;
    }

    /** The furthest status the network's receipts gave, or null. */
    public DeliveryReceipt.Status receipt() {
        return receipt;
    }

    private void changed(Instant now) {
        updatedAt = now;
        hostUpdatePending = true;
    }

    public String key() {
        return key;
    }

    public long resolutionTransactionId() {
        return resolutionTransactionId;
    }

    public long ticketId() {
        return ticketId;
    }

    public String conversationKey() {
        return conversationKey;
    }

    public Network network() {
        return network;
    }

    public String customerAccountId() {
        return customerAccountId;
    }

    public String customerHandle() {
        return customerHandle;
    }

    public FollowUpKind kind() {
        return kind;
    }

    public FollowUpState state() {
        return state;
    }

    public String agent() {
        return agent;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String postId() {
        return postId;
    }

    public String postUrl() {
        return postUrl;
    }

    public String text() {
        return text;
    }

    public Integer score() {
        return score;
    }

    public String answer() {
        return answer;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answerKey() {
        return answerKey;
    }

    public String reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }

    public boolean hostUpdatePending() {
        return hostUpdatePending;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
