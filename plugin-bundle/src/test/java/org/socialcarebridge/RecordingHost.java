package org.socialcarebridge;

import java.util.ArrayList;
import java.util.HashMap;
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

/** An in-memory help desk for unit tests of the domain; the end-to-end tests use a real RT. */
public class RecordingHost implements HostGateway {
    public final Map<Long, List<String>> messages = new HashMap<>();
    public final Map<Long, List<String>> contents = new HashMap<>();
    public final Map<Long, NewTicket> tickets = new HashMap<>();
    public final Map<Long, List<String>> comments = new HashMap<>();
    /** Called after each comment is recorded: what else happens while the plugin is writing to the desk. */
    public java.util.function.Consumer<String> afterComment = text -> { };
    public final Map<Long, AgentReply> replies = new HashMap<>();
    public final Map<Long, Map<MessageField, String>> deliveries = new HashMap<>();
    public final List<String> calls = new ArrayList<>();
    /** Resolved tickets and when. */
    public final Map<Long, java.time.Instant> resolved = new HashMap<>();
    public final List<Long> reopened = new ArrayList<>();
    public boolean down;
    /** Simulates a crash right after the host acted but before the plugin recorded it. */
    public boolean failAfterActing;
    private long nextTicket = 1;

    /** Calls that fail as if the host were down, the others answering (e.g. only the write-back). */
    public final java.util.Set<String> failing = new java.util.HashSet<>();

    private void reach(String call) {
        calls.add(call);
        if (down || failing.contains(call)) {
            // Down means refused: the request never reached the help desk.
            throw HostUnavailableException.notReached("RT is down (test)", null);
        }
    }

    /** Members of the help desk's groups, by group; the demo agents speak for the brand. */
    public final Map<String, java.util.Set<String>> groups = new HashMap<>(Map.of(
            "Social Agents", new java.util.HashSet<>(java.util.Set.of("agent", "newhire", "alex")),
            "Social Team Leads", new java.util.HashSet<>(java.util.Set.of("lead"))));

    @Override
    public boolean memberOfAny(String user, List<String> names) {
        reach("memberOf");
        if (names.stream().anyMatch(name -> groups.getOrDefault(name, java.util.Set.of()).contains(user))) {
            return true;
        }
        for (String name : names) {
            if (!groups.containsKey(name)) {
                throw new org.socialcarebridge.host.HostRejectedException("RT has no group '" + name + "' (test)");
            }
        }
        return false;
    }

    @Override
    public HostCustomer customerFor(SocialIdentity identity) {
        reach("customer");
        return new HostCustomer(identity.key());
    }

    /** Customers the help desk knows by e-mail address (identity linking). */
    public final Map<String, HostCustomer> customersByEmail = new java.util.HashMap<>();

    @Override
    public java.util.Optional<HostCustomer> customerByEmail(String email) {
        reach("customerByEmail");
        return java.util.Optional.ofNullable(customersByEmail.get(email));
    }

    /** Host customer ids in the help desk's valued-customer group. */
    public final java.util.Set<String> valued = new java.util.HashSet<>();

    /** Corrections agents made, for the learning tests. */
    public final List<org.socialcarebridge.host.FieldChange> fieldChanges = new ArrayList<>();

    @Override
    public List<org.socialcarebridge.host.FieldChange> fieldChangesAfter(long transactionId, java.util.Set<TicketField> fields, int limit) {
        reach("fieldChangesAfter");
        return fieldChanges.stream().filter(c -> c.transactionId() > transactionId && fields.contains(c.field())).limit(limit).toList();
    }

    /** Ticket fields set by the plugin or a test, by ticket. */
    public final Map<Long, Map<TicketField, String>> ticketFields = new HashMap<>();

    @Override
    public java.util.Optional<String> ticketField(long ticketId, TicketField field) {
        reach("ticketField");
        return java.util.Optional.ofNullable(ticketFields.getOrDefault(ticketId, Map.of()).get(field));
    }

    @Override
    public void setTicketFields(long ticketId, Map<TicketField, String> fields) {
        reach("setTicketFields");
        ticketFields.computeIfAbsent(ticketId, k -> new HashMap<>()).putAll(fields);
    }

    /** Status changes agents made (e.g. resolving), for the follow-up tests. */
    public final List<org.socialcarebridge.host.StatusChange> statusChanges = new ArrayList<>();

    @Override
    public List<org.socialcarebridge.host.StatusChange> statusChangesAfter(long transactionId, int limit) {
        reach("statusChangesAfter");
        return statusChanges.stream().filter(c -> c.transactionId() > transactionId).limit(limit).toList();
    }

    /** Tickets reopened for a group, with the group and the note. */
    public final Map<Long, List<String>> reopenedFor = new HashMap<>();

    @Override
    public void reopenFor(long ticketId, String group, String note) {
        reach("reopenFor");
        reopenedFor.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(group + ": " + note);
    }

    /** What overtook replies on a ticket, for the collision tests. */
    public final Map<Long, List<String>> overtaking = new HashMap<>();

    @Override
    public List<String> overtakingActivity(long ticketId, long afterTransactionId, long beforeTransactionId, String agent) {
        reach("overtaking");
        return overtaking.getOrDefault(ticketId, List.of());
    }

    @Override
    public boolean valuedCustomer(HostCustomer customer) {
        reach("valuedCustomer");
        return valued.contains(customer.id());
    }

    /** Tickets whose first message was labelled again after a crash. */
    public final List<Long> relabelled = new ArrayList<>();

    @Override
    public void labelFirstMessage(long ticketId, Map<MessageField, String> messageFields) {
        reach("label");
        relabelled.add(ticketId);
    }

    /**
     * Simulates a help desk slower than the client's timeout: a write times out at once, and is done only
     * when the test runs {@link #stillWriting} (or never, if it clears them).
     */
    public boolean slow;
    /** The help desk answers every ticket creation with a refusal (a queue it does not have). */
    public boolean refuseOpening;
    public final List<Runnable> stillWriting = new ArrayList<>();

    @Override
    public long openTicket(NewTicket ticket) {
        reach("open");
        if (refuseOpening) {
            throw new org.socialcarebridge.host.HostRejectedException("RT has no queue 'Nowhere' (test)");
        }
        if (slow) {
            stillWriting.add(() -> {
                slow = false;
                openTicket(ticket);
                calls.remove(calls.size() - 1);
            });
            throw new HostUnavailableException("RT did not answer within 30 s (test)");
        }
        long id = nextTicket++;
        tickets.put(id, ticket);
        messages.computeIfAbsent(id, k -> new ArrayList<>()).add(ticket.messageFields().get(MessageField.POST_ID));
        if (failAfterActing) {
            throw new HostUnavailableException("connection reset after create (test)");
        }
        return id;
    }

    @Override
    public void addCustomerMessage(long ticketId, String content, Map<MessageField, String> fields) {
        reach("correspond");
        if (slow) {
            stillWriting.add(() -> {
                slow = false;
                addCustomerMessage(ticketId, content, fields);
                calls.remove(calls.size() - 1);
            });
            throw new HostUnavailableException("RT did not answer within 30 s (test)");
        }
        contents.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(content);
        messages.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(fields.get(MessageField.POST_ID));
        if (failAfterActing) {
            throw new HostUnavailableException("connection reset after correspond (test)");
        }
    }

    @Override
    public org.socialcarebridge.host.TicketState ticketState(long ticketId) {
        reach("state");
        java.time.Instant at = resolved.get(ticketId);
        return new org.socialcarebridge.host.TicketState(at == null, at);
    }

    @Override
    public void reopen(long ticketId) {
        reach("reopen");
        resolved.remove(ticketId);
        reopened.add(ticketId);
    }

    /** RT's spelling of the fields the reply path's texts name; the RT adapter's own table is RtFields. */
    @Override
    public String field(TicketField field) {
        return switch (field) {
            case APPROVAL_REQUIRED -> "Social Approval Required";
            case APPROVAL -> "Social Approval";
            case APPROVAL_NOTE -> "Social Approval Note";
            default -> field.name();
        };
    }

    @Override
    public String field(MessageField field) {
        return switch (field) {
            case REPLY_TO -> "Social Reply To";
            case REPLY_VISIBILITY -> "Reply Visibility";
            default -> field.name();
        };
    }

    @Override
    public String choice(org.socialcarebridge.channel.ReplyVisibility visibility) {
        return visibility.label();
    }

    @Override
    public String approvalGroup() {
        return "Social Approval Needed";
    }

    /** The templates offered to agents, by network, as last offered. */
    public final Map<org.socialcarebridge.channel.Network, List<org.socialcarebridge.channel.MessageTemplate>> templates =
            new HashMap<>();

    @Override
    public void offerTemplates(org.socialcarebridge.channel.Network network,
                               List<org.socialcarebridge.channel.MessageTemplate> offered) {
        reach("offerTemplates");
        templates.put(network, List.copyOf(offered));
    }

    @Override
    public void comment(long ticketId, String text) {
        reach("comment");
        comments.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(text);
        afterComment.accept(text);
    }

    @Override
    public Optional<Long> ticketForConversation(String conversationKey) {
        reach("findConversation");
        return tickets.entrySet().stream()
                .filter(e -> conversationKey.equals(e.getValue().customFields().get(TicketField.CONVERSATION)))
                .map(Map.Entry::getKey).max(Long::compare);
    }

    @Override
    public boolean ticketHoldsMessage(long ticketId, String postKey) {
        reach("holds");
        return messages.getOrDefault(ticketId, List.of()).contains(postKey);
    }

    @Override
    public Optional<AgentReply> agentReply(long transactionId) {
        reach("reply");
        return Optional.ofNullable(replies.get(transactionId));
    }

    public final Map<Long, String> alerts = new HashMap<>();
    public final List<Long> clearedAlerts = new ArrayList<>();

    @Override
    public long raiseAlert(String subject, String text) {
        reach("alert");
        long id = 1000 + alerts.size();
        alerts.put(id, subject + ": " + text);
        return id;
    }

    @Override
    public void clearAlert(long alertId, String text) {
        reach("clear");
        clearedAlerts.add(alertId);
    }

    @Override
    public long latestTransactionId() {
        reach("latest");
        return replies.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public List<Long> replyTransactionsAfter(long transactionId, int limit) {
        reach("replies");
        return replies.keySet().stream().filter(t -> t > transactionId).sorted().limit(limit).toList();
    }

    @Override
    public void recordDelivery(long transactionId, Map<MessageField, String> fields) {
        reach("delivery");
        deliveries.put(transactionId, fields);
    }
}
