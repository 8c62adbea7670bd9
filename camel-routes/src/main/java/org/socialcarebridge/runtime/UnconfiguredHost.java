package org.socialcarebridge.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.host.HostUnavailableException;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.TicketState;

/**
 * Stands in for the host while its settings are wrong: messages keep arriving in the ledger and
 * wait there, as they would during an outage, until the settings are fixed.
 */
final class UnconfiguredHost implements HostGateway {
    private static HostUnavailableException down() {
        return new HostUnavailableException("the RT host is not configured; fix etc/org.socialcarebridge.host.rt.cfg");
    }

    @Override
    public void offerTemplates(org.socialcarebridge.channel.Network network,
                               java.util.List<org.socialcarebridge.channel.MessageTemplate> templates) {
        throw down();
    }

    // Nothing reaches the host while it is unconfigured, so no text needs its terms: the domain's do.
    @Override
    public String field(TicketField field) {
        return DOMAIN.field(field);
    }

    @Override
    public String field(MessageField field) {
        return DOMAIN.field(field);
    }

    @Override
    public String choice(org.socialcarebridge.channel.ReplyVisibility visibility) {
        return DOMAIN.choice(visibility);
    }

    @Override
    public String approvalGroup() {
        return DOMAIN.approvalGroup();
    }

    @Override
    public HostCustomer customerFor(SocialIdentity identity) {
        throw down();
    }

    @Override
    public java.util.Optional<HostCustomer> customerByEmail(String email) {
        throw down();
    }

    @Override
    public List<org.socialcarebridge.host.FieldChange> fieldChangesAfter(long transactionId, java.util.Set<TicketField> fields, int limit) {
        throw down();
    }

    @Override
    public boolean memberOfAny(String user, List<String> groups) {
        throw down();
    }

    @Override
    public java.util.Optional<String> ticketField(long ticketId, TicketField field) {
        throw down();
    }

    @Override
    public void setTicketFields(long ticketId, Map<TicketField, String> fields) {
        throw down();
    }

    @Override
    public List<org.socialcarebridge.host.StatusChange> statusChangesAfter(long transactionId, int limit) {
        throw down();
    }

    @Override
    public void reopenFor(long ticketId, String group, String note) {
        throw down();
    }

    @Override
    public List<String> overtakingActivity(long ticketId, long afterTransactionId, long beforeTransactionId, String agent) {
        throw down();
    }

    @Override
    public boolean valuedCustomer(HostCustomer customer) {
        throw down();
    }

    @Override
    public void labelFirstMessage(long ticketId, Map<MessageField, String> messageFields) {
        throw down();
    }

    @Override
    public long openTicket(NewTicket ticket) {
        throw down();
    }

    @Override
    public void addCustomerMessage(long ticketId, String content, Map<MessageField, String> messageFields) {
        throw down();
    }

    @Override
    public TicketState ticketState(long ticketId) {
        throw down();
    }

    @Override
    public void reopen(long ticketId) {
        throw down();
    }

    @Override
    public void comment(long ticketId, String text) {
        throw down();
    }

    @Override
    public Optional<Long> ticketForConversation(String conversationKey) {
        throw down();
    }

    @Override
    public boolean ticketHoldsMessage(long ticketId, String postKey) {
        throw down();
    }

    @Override
    public Optional<AgentReply> agentReply(long transactionId) {
        throw down();
    }

    @Override
    public long raiseAlert(String subject, String text) {
        throw down();
    }

    @Override
    public void clearAlert(long alertId, String text) {
        throw down();
    }

    @Override
    public long latestTransactionId() {
        throw down();
    }

    @Override
    public List<Long> replyTransactionsAfter(long transactionId, int limit) {
        throw down();
    }

    @Override
    public void recordDelivery(long transactionId, Map<MessageField, String> transactionFields) {
        throw down();
    }
}
