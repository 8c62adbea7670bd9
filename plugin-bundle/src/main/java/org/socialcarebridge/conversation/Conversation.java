package org.socialcarebridge.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.socialcarebridge.channel.Network;

/** One customer conversation and the one ticket that holds it. */
@Entity
@Table(name = "SC_CONVERSATION", indexes = @Index(name = "SC_CONVERSATION_TICKET", columnList = "TICKET_ID"))
public class Conversation {
    /** Network key plus the thread's root id, e.g. {@code x:1790}; also the ticket's Social Conversation ID. */
    @Id
    @Column(name = "CONVERSATION_KEY", length = 200)
    private String key;

    @Column(name = "TICKET_ID", nullable = false)
    private long ticketId;

    @Column(name = "NETWORK", nullable = false, length = 20) // NetworkConverter: X, MASTODON as before
    private Network network;

    /**
     * Who wrote last. (The columns kept the name they had when they held the customer: rows written
     * before the customer had columns of its own hold the last writer here.)
     */
    @Column(name = "CUSTOMER_ACCOUNT_ID", nullable = false, length = 100)
    private String lastAuthorAccountId;

    @Column(name = "CUSTOMER_HANDLE", length = 200)
    private String lastAuthorHandle;

    /**
     * The customer: the account the ticket was opened for, its requestor. A private reply goes to them
     * unless the agent picks another participant, never to whoever wrote last (a stranger in a public
     * thread can write to the brand too). Null in rows written before it was kept: see
     * {@link LedgerStore#settleCustomer}.
     */
    @Column(name = "REQUESTOR_ACCOUNT_ID", length = 100)
    private String customerAccountId;

    @Column(name = "REQUESTOR_HANDLE", length = 200)
    private String customerHandle;

    /** The latest public customer message: what a public reply answers. */
    @Column(name = "LAST_PUBLIC_CUSTOMER_MESSAGE_ID", length = 100)
    private String lastPublicCustomerMessageId;

    /** Its author's handle: a public reply starts with it. */
    @Column(name = "LAST_PUBLIC_AUTHOR_HANDLE", length = 200)
    private String lastPublicAuthorHandle;

    /** How the customer last wrote: what a reply without an explicit choice follows. */
    @Enumerated(EnumType.STRING)
    @Column(name = "LAST_CUSTOMER_VISIBILITY", length = 10)
    private Visibility lastCustomerVisibility;

    @Column(name = "OPENED_AT", nullable = false)
    private Instant openedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    /** When the customer last wrote, by the network's clock: what messaging windows count from. Null in older rows. */
    @Column(name = "LAST_CUSTOMER_MESSAGE_AT")
    private Instant lastCustomerMessageAt;

    /**
     * When someone last wrote privately here, by the network's clock: Meta's messaging window opens only
     * when the person messages the Page, never by a public comment. Null when no one has.
     */
    @Column(name = "LAST_PRIVATE_MESSAGE_AT")
    private Instant lastPrivateMessageAt;

    protected Conversation() {
    }

    public Conversation(String key, long ticketId, SocialIdentity customer, Instant openedAt) {
        this.key = key;
        this.ticketId = ticketId;
        this.network = customer.network();
        this.customerAccountId = customer.accountId();
        this.customerHandle = customer.handle();
        this.lastAuthorAccountId = customer.accountId();
        this.lastAuthorHandle = customer.handle();
        this.openedAt = openedAt;
        this.updatedAt = openedAt;
    }

    /**
     * The conversation goes on in a new ticket (the old one was resolved too long ago to reopen), opened
     * for {@code customer}: who wrote the message that opened it.
     */
    public void continueOn(long newTicketId, SocialIdentity customer, Instant now) {
        ticketId = newTicketId;
        customerAccountId = customer.accountId();
        customerHandle = customer.handle();
        updatedAt = now;
    }

    /**
     * Notes a message so replies answer the latest one in the way it was written (several people may
     * write in one public thread). The customer stays who the ticket was opened for; only their handle
     * follows a rename.
     */
    public void heardFrom(InboundMessage message, Instant now) {
        lastAuthorAccountId = message.author().accountId();
        lastAuthorHandle = message.author().handle();
        if (message.author().accountId().equals(customerAccountId)) {
            customerHandle = message.author().handle();
        }
        if (message.visibility() == Visibility.PUBLIC) {
            lastPublicCustomerMessageId = message.messageId();
            lastPublicAuthorHandle = message.author().handle();
        }
        lastCustomerVisibility = message.visibility();
        lastCustomerMessageAt = later(lastCustomerMessageAt, message.createdAt());
        if (message.visibility() == Visibility.PRIVATE) {
            lastPrivateMessageAt = later(lastPrivateMessageAt, message.createdAt());
        }
        updatedAt = now;
    }

    private static Instant later(Instant known, Instant now) {
        return known == null || now.isAfter(known) ? now : known;
    }

    /** When someone last wrote privately in this conversation, or null: a Messenger window counts from it. */
    public Instant lastPrivateMessageAt() {
        return lastPrivateMessageAt;
    }

    public Instant lastCustomerMessageAt() {
        return lastCustomerMessageAt != null ? lastCustomerMessageAt : updatedAt;
    }

    public String key() {
        return key;
    }

    public long ticketId() {
        return ticketId;
    }

    public Network network() {
        return network;
    }

    /** The customer's account (older rows until {@linkplain LedgerStore#settleCustomer settled}: who wrote last). */
    public String customerAccountId() {
        return customerAccountId != null ? customerAccountId : lastAuthorAccountId;
    }

    public String customerHandle() {
        return customerAccountId != null ? customerHandle : lastAuthorHandle;
    }

    /** False for a row written before the customer was kept, until {@link LedgerStore#settleCustomer} learns who it is. */
    public boolean customerKnown() {
        return customerAccountId != null;
    }

    /**
     * Learns the customer of a row written before the customer was kept: the opener of its ticket, as
     * {@link LedgerStore#settleCustomer} finds it, or who wrote last when the ledger knows no opener.
     */
    void settleCustomer(SocialIdentity opener) {
        customerAccountId = opener != null ? opener.accountId() : lastAuthorAccountId;
        customerHandle = opener != null ? opener.handle() : lastAuthorHandle;
    }

    /** The handle a public reply addresses: the author of the latest public message (older rows: who wrote last). */
    public String lastPublicAuthorHandle() {
        return lastPublicAuthorHandle != null ? lastPublicAuthorHandle : lastAuthorHandle;
    }

    public String lastPublicCustomerMessageId() {
        return lastPublicCustomerMessageId;
    }

    /** How the customer last wrote, PUBLIC when not known. */
    public Visibility lastCustomerVisibility() {
        return lastCustomerVisibility == null ? Visibility.PUBLIC : lastCustomerVisibility;
    }

    public Instant openedAt() {
        return openedAt;
    }
}
