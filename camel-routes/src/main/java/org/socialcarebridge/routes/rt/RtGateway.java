package org.socialcarebridge.routes.rt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.FieldChange;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.StatusChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.TicketRouting;
import org.socialcarebridge.host.TicketState;
import org.socialcarebridge.persistence.ColumnText;
import org.socialcarebridge.routes.http.HtmlText;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The host port over RT's REST2. REST2 drops unknown custom fields and bad values silently, so every
 * answer's message array is read and anything but success is an error. What REST2 allows only to
 * administrators (creating users, listing a group's members) goes through the RT extension's own
 * endpoints, so the plugin's RT user needs no AdminUsers or AdminGroupMembership.
 */
public final class RtGateway implements HostGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RtGateway.class);
    static final String REST = "/REST/2.0";
    /** Members of this RT group are the business's valued customers (triage's vip signal). */
    static final String VIP_GROUP = "Social VIP";
    /** Agents whose public replies a supervisor approves first (e.g. new hires). */
    static final String APPROVAL_GROUP = "Social Approval Needed";
    /** Group memberships change rarely; reading each group once a minute keeps a reply to its requests. */
    static final Duration MEMBERS_PERIOD = Duration.ofMinutes(1);

    private final RtSession session;
    private final RtSettings settings;
    private final ObjectMapper json;
    /** Customers by identity key, with the id RT gave; only RT's answers are stored here. */
    private final Map<String, HostCustomer> customers = new ConcurrentHashMap<>();
    /** Identities known by RT name only until their first ticket's answer gives the id (see customerFor). */
    private final Map<String, SocialIdentity> unresolved = new ConcurrentHashMap<>();
    /** Until when (System.nanoTime) RT's extension is taken to lack /SocialCare/Ticket; 0: it has it. */
    private volatile long withoutTicketEndpointUntil;
    private volatile Long pluginUserId;
    private final Refreshed<Members> valuedCustomers;
    private final Refreshed<Set<String>> approvalNeeded;
    /** The groups whose members speak for the brand, by name. */
    private final Map<String, Refreshed<Set<String>>> groups = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> agents = new ConcurrentHashMap<>();

    public RtGateway(HttpCall http, RtSettings settings, ObjectMapper json) {
        this.session = new RtSession(http, settings);
        this.settings = settings;
        this.json = json;
        this.valuedCustomers = new Refreshed<>(MEMBERS_PERIOD, () -> readMembers(VIP_GROUP));
        this.approvalNeeded = new Refreshed<>(MEMBERS_PERIOD, () -> memberIds(APPROVAL_GROUP));
    }

    /**
     * A customer RT has not yet given this gateway the id of is answered by its RT user name (x:123), without
     * asking RT: {@link #openTicket} creates or finds the user in the same request as the ticket, and keeps
     * the id RT answers. Against an extension without that endpoint the user is created here, as before.
     */
    @Override
    public HostCustomer customerFor(SocialIdentity identity) {
        HostCustomer known = customers.get(identity.key());
        if (known != null) {
            return known;
        }
        if (withoutTicketEndpoint()) {
            return customerInRt(identity);
        }
        unresolved.put(identity.key(), identity);
        return new HostCustomer(identity.key());
    }

    /** Whether the reference is RT's numeric user id, not a name awaiting it. */
    private static boolean rtId(HostCustomer customer) {
        return !customer.id().isEmpty() && customer.id().chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The customer's user in RT, created or found in requests of its own (the path before /SocialCare/Ticket). */
    HostCustomer customerInRt(SocialIdentity identity) {
        HostCustomer known = customers.get(identity.key());
        if (known != null) {
            return known;
        }
        // Named after the stable account id, so a renamed handle stays the same customer. RT reads a
        // name with a colon in a role field as a group reference, so tickets name it by its numeric id.
        // The extension's endpoint answers an existing customer as it creates a new one: one request either way.
        String id = createCustomer(identity).orElseGet(() -> existingCustomer(identity));
        return known(identity.key(), id);
    }

    private HostCustomer known(String key, String id) {
        HostCustomer customer = new HostCustomer(id);
        customers.put(key, customer);
        unresolved.remove(key);
        return customer;
    }

    /** The RT id of a customer referred to by name (customerFor), created or found in a request of its own. */
    private HostCustomer resolved(HostCustomer customer) {
        if (rtId(customer)) {
            return customer;
        }
        HostCustomer known = customers.get(customer.id());
        if (known != null) {
            return known;
        }
        SocialIdentity identity = unresolved.get(customer.id());
        if (identity == null) {
            throw new IllegalStateException("the customer " + customer.id() + " was not looked up through customerFor");
        }
        return customerInRt(identity);
    }

    /** The customer's user read through REST2: for a plugin user without the right to create customers. */
    private String existingCustomer(SocialIdentity identity) {
        String name = identity.key();
        HttpAnswer found = session.send("GET", REST + "/user/" + HttpCall.encode(name), null, null);
        if (found.status() == 404) {
            throw new HostRejectedException("RT user '" + settings.user() + "' may not create the customer user " + name
                    + " (403): it needs the right CreateSocialCustomers; run the provisioning command to grant it");
        }
        JsonNode user = parse(found, "read the customer user " + name);
        String id = userId(user);
        if (!found.ok() || id == null) {
            throw new HostRejectedException("RT did not answer the customer user " + name + ": " + found.status());
        }
        if (user.path("Privileged").asInt(0) == 1) {
            throw privileged(identity, "");
        }
        return id;
    }

    /** A staff account is never a customer: its replies would carry its rights. */
    private static HostRejectedException privileged(SocialIdentity identity, String status) {
        return new HostRejectedException("RT user " + identity.key() + " is privileged (a staff account)" + status
                + ", so it is not used"
                + " as the customer " + identity.handle() + " on " + identity.network().displayName() + "; rename that RT user");
    }

    /**
     * The customer's unprivileged RT user, created with no password and no e-mail address or answered as it
     * is, through the extension's endpoint (REST2 would need AdminUsers, which could change anyone's
     * password). Empty when the plugin's RT user lacks the right to create customers (then REST2 is asked).
     */
    private Optional<String> createCustomer(SocialIdentity identity) {
        String name = identity.key();
        HttpAnswer created = session.send("POST", "/SocialCare/Customer", "application/json", customerBody(identity).toString());
        if (created.status() == 403) {
            return Optional.empty();
        }
        if (created.status() == 409) {
            throw privileged(identity, " (409)");
        }
        JsonNode answer = parse(created, "create the customer user " + name);
        if ((created.status() != 201 && created.status() != 200) || !answer.path("id").canConvertToLong()) {
            throw new HostRejectedException("RT did not create the customer user " + name + ": " + created.status() + " "
                    + answer.path("error").asText(created.body()));
        }
        return Optional.of(answer.path("id").asText());
    }

    /** The customer's user as the extension creates it: named after the account id, no password, no e-mail. */
    private ObjectNode customerBody(SocialIdentity identity) {
        return json.createObjectNode()
                .put("Name", identity.key())
                .put("RealName", realName(identity))
                .put("Comments", ColumnText.cut(withoutControls("Social Care Bridge customer: "
                        + identity.network().displayName() + " @" + identity.handle()
                        + (identity.profileUrl() != null ? " " + identity.profileUrl() : "")), COMMENTS_LENGTH));
    }

    /**
     * A user's numeric id. Without AdminUsers REST2 shows other users only in summary (name, real name,
     * e-mail address), with the id in the self link.
     */
    private static String userId(JsonNode user) {
        if (user.path("id").canConvertToLong()) {
            return user.path("id").asText();
        }
        for (JsonNode link : user.path("_hyperlinks")) {
            if ("self".equals(link.path("ref").asText()) && link.path("id").canConvertToLong()) {
                return link.path("id").asText();
            }
        }
        return null;
    }

    /** REST2's JSON search ({@code POST /users} with conditions) finds a user by e-mail address. */
    @Override
    public Optional<HostCustomer> customerByEmail(String email) {
        ArrayNode query = json.createArrayNode();
        query.addObject().put("field", "EmailAddress").put("operator", "=").put("value", email);
        HttpAnswer found = session.send("POST", REST + "/users?fields=EmailAddress,Disabled", "application/json", query.toString());
        JsonNode page = parse(found, "search users by e-mail address");
        if (!found.ok()) {
            throw new HostRejectedException("RT refused to search users by e-mail address: " + found.status() + " " + found.body());
        }
        for (JsonNode user : page.path("items")) {
            if (email.equalsIgnoreCase(user.path("EmailAddress").asText()) && !"1".equals(user.path("Disabled").asText("0"))) {
                // Search items name users by Name; tickets need the numeric id (see customerFor).
                String name = user.path("id").asText();
                HttpAnswer read = session.send("GET", REST + "/user/" + HttpCall.encode(name), null, null);
                String id = userId(parse(read, "read user " + name));
                if (read.ok() && id != null) {
                    return Optional.of(new HostCustomer(id));
                }
            }
        }
        return Optional.empty();
    }

    static String realName(SocialIdentity identity) {
        String display = identity.displayName() == null || identity.displayName().isBlank() ? identity.handle() : identity.displayName();
        // Facebook names people and has no handles: its handle is the name, said once.
        String shown = display.equals(identity.displayName()) && display.equals(identity.handle()) ? display
                : display + " (@" + identity.handle() + ")";
        return ColumnText.cut(withoutControls(shown), REAL_NAME_LENGTH);
    }

    /**
     * What RT keeps of a user's RealName and Comments; the extension refuses longer values and control
     * characters, so a fediverse account on a long domain (or a name with a line break) would otherwise
     * never become a customer, and its message would be dead-lettered.
     */
    static final int REAL_NAME_LENGTH = 120;
    static final int COMMENTS_LENGTH = 2000;

    private static String withoutControls(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    /**
     * One request: the RT extension's {@code POST /SocialCare/Ticket} creates (or finds) the customer, the
     * ticket and its first message's fields together, as RT on SQLite writes one request at a time. An
     * extension without it (404) gets today's three requests, and is asked again after
     * {@link #TICKET_ENDPOINT_RECHECK}, so plugin and extension may be upgraded in either order.
     */
    @Override
    public long openTicket(NewTicket ticket) {
        if (!withoutTicketEndpoint()) {
            Optional<Long> filed = fileInOneRequest(ticket);
            if (filed.isPresent()) {
                return filed.get();
            }
        }
        return fileThroughRest2(ticket, resolved(ticket.requestor()));
    }

    /** How long an extension that lacked /SocialCare/Ticket is not asked again. */
    static final Duration TICKET_ENDPOINT_RECHECK = Duration.ofMinutes(10);

    private boolean withoutTicketEndpoint() {
        long until = withoutTicketEndpointUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    /** The ticket through /SocialCare/Ticket; empty when RT's extension lacks the endpoint (404). */
    private Optional<Long> fileInOneRequest(NewTicket ticket) {
        HostCustomer requestor = ticket.requestor();
        HostCustomer known = rtId(requestor) ? requestor : customers.get(requestor.id());
        ObjectNode request = json.createObjectNode();
        SocialIdentity identity = known == null ? unresolved.get(requestor.id()) : null;
        if (known == null) {
            request.set("Customer", identity != null ? customerBody(identity)
                    : json.createObjectNode().put("Name", requestor.id()));
        }
        ObjectNode body = ticketBody(ticket, known);
        request.set("Ticket", body);
        ObjectNode txnFields = request.putObject("TransactionCustomFields");
        RtFields.messageNames(ticket.messageFields()).forEach(txnFields::put);
        HttpAnswer answer = session.send("POST", "/SocialCare/Ticket", "application/json", request.toString());
        String queue = body.path("Queue").asText();
        if (answer.status() == 404) {
            withoutTicketEndpointUntil = System.nanoTime() + TICKET_ENDPOINT_RECHECK.toNanos();
            LOG.info("RT's extension has no /SocialCare/Ticket (404): filing through REST2, 3 requests a new ticket,"
                    + " for {}; upgrade the RT extension (./socialcare provision) for one", TICKET_ENDPOINT_RECHECK);
            return Optional.empty();
        }
        if (answer.status() == 403 && known == null) {
            // Perhaps no right to create customers: found the way that says so, then filed with the id.
            HostCustomer found = resolved(requestor);
            return Optional.of(fileInOneRequest(ticket.forRequestor(found)).orElseGet(() -> fileThroughRest2(ticket, found)));
        }
        if (answer.status() == 409 && identity != null) {
            throw privileged(identity, " (409)");
        }
        if (answer.status() == 403) {
            throw new HostRejectedException("RT user '" + settings.user() + "' may not file the ticket in queue '" + queue
                    + "' (403): " + errorOf(answer) + "; run the provisioning command to grant the plugin's rights");
        }
        JsonNode created = parse(answer, "create a ticket");
        if (answer.status() != 201 || !created.path("id").canConvertToLong()) {
            throw new HostRejectedException("RT did not create the ticket in queue '" + queue + "': " + answer.status() + " "
                    + created.path("error").asText(answer.body()) + (answer.status() == 400
                    ? " (does the queue or owner group exist? ./socialcare provision creates the default rules' ones)" : ""));
        }
        long id = created.get("id").asLong();
        JsonNode customer = created.path("Customer");
        if (known == null && customer.path("id").canConvertToLong()) {
            known(requestor.id(), customer.path("id").asText());
        }
        if (created.hasNonNull("error")) {
            // The ticket exists, so the message is on it: what RT did not take (an owner group, a link, a field's
            // value) is said, as REST2's create went on without it. The first message's own fields are set once
            // more the way REST2's path sets them; if RT refuses them too, that refusal is the message's, as before.
            LOG.warn("RT created ticket {} in queue '{}' but answered: {}", id, queue, created.path("error").asText());
            setTransactionFields("ticket", id, RtFields.messageNames(ticket.messageFields()));
        }
        return Optional.of(id);
    }

    /** The extension's {"error":"..."}, else the body as RT sent it. */
    private String errorOf(HttpAnswer answer) {
        try {
            return json.readTree(answer.body()).path("error").asText(answer.body());
        } catch (IOException e) {
            return answer.body();
        }
    }

    /** Today's path: the ticket through REST2, then its first message's fields, which REST2 drops on creation. */
    private long fileThroughRest2(NewTicket ticket, HostCustomer requestor) {
        ObjectNode body = ticketBody(ticket, requestor);
        HttpAnswer answer = session.send("POST", REST + "/ticket", "application/json", body.toString());
        JsonNode created = parse(answer, "create a ticket");
        if (answer.status() != 201 || !created.has("id")) {
            throw new HostRejectedException("RT did not create the ticket in queue '" + body.path("Queue").asText() + "': "
                    + answer.status() + " " + answer.body() + (answer.status() == 400
                    ? " (does the queue or owner group exist? ./socialcare provision creates the default rules' ones)" : ""));
        }
        long id = created.get("id").asLong();
        // REST2 drops TxnCustomFields on creation (answering 201 all the same), so the first message's
        // own fields are set on the Create transaction afterwards, as on every later message.
        setTransactionFields("ticket", id, RtFields.messageNames(ticket.messageFields()));
        return id;
    }

    /** The ticket as REST2 and /SocialCare/Ticket take it; the requestor by RT id, or left out (null). */
    private ObjectNode ticketBody(NewTicket ticket, HostCustomer requestor) {
        TicketRouting routing = ticket.routing();
        ObjectNode body = json.createObjectNode()
                .put("Queue", routing.queue() != null ? routing.queue() : settings.queue())
                .put("Subject", ticket.subject());
        if (requestor != null) {
            body.put("Requestor", requestor.id());
        }
        body.put("Content", ticket.content())
                .put("ContentType", "text/plain");
        ObjectNode fields = body.putObject("CustomFields");
        RtFields.ticketNames(ticket.customFields()).forEach(fields::put);
        if (!ticket.replyChoices().isEmpty()) {
            fields.put(RtFields.REPLY_CHOICES, RtFields.choices(ticket.replyChoices()));
        }
        if (ticket.refersTo() != null) {
            body.put("RefersTo", ticket.refersTo());
        }
        if (routing.priority() != null) {
            body.put("Priority", routing.priority());
        }
        if (routing.due() != null) {
            body.put("Due", routing.due().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (routing.ownerGroup() != null) {
            body.put("AdminCc", "group:" + routing.ownerGroup()); // RT reads "group:<name>" in a role field
        }
        return body;
    }

    @Override
    public void addCustomerMessage(long ticketId, String content, Map<MessageField, String> messageFields) {
        ObjectNode body = json.createObjectNode().put("Content", content).put("ContentType", "text/plain");
        ObjectNode txnFields = body.putObject("TxnCustomFields");
        RtFields.messageNames(messageFields).forEach(txnFields::put);
        expectSuccess(session.send("POST", REST + "/ticket/" + ticketId + "/correspond", "application/json", body.toString()),
                "add the customer's message to ticket " + ticketId);
    }

    @Override
    public TicketState ticketState(long ticketId) {
        JsonNode ticket = parse(session.send("GET", REST + "/ticket/" + ticketId, null, null), "read ticket " + ticketId);
        // RT's default lifecycle: resolved, rejected and deleted are its inactive statuses.
        boolean open = !List.of("resolved", "rejected", "deleted").contains(ticket.path("Status").asText());
        Instant resolved = null;
        String at = ticket.path("Resolved").asText("");
        if (!open && !at.isEmpty() && !at.startsWith("1970-01-01")) { // RT writes unset dates as the epoch
            resolved = Instant.parse(at);
        }
        return new TicketState(open, resolved);
    }

    @Override
    public void reopen(long ticketId) {
        expectSuccess(session.send("PUT", REST + "/ticket/" + ticketId, "application/json",
                json.createObjectNode().put("Status", "open").toString()), "reopen ticket " + ticketId);
    }

    @Override
    public String field(TicketField field) {
        return RtFields.name(field);
    }

    @Override
    public String field(MessageField field) {
        return RtFields.name(field);
    }

    @Override
    public String choice(ReplyVisibility visibility) {
        return RtFields.name(visibility);
    }

    @Override
    public String approvalGroup() {
        return APPROVAL_GROUP;
    }

    /**
     * The network's approved templates become the values of Social Template in the category of the network's
     * name, in one request to the RT extension (REST2 would take a request per value, and leave the list half
     * changed when one fails); the description shows agents the language and the body.
     */
    @Override
    public void offerTemplates(org.socialcarebridge.channel.Network network,
                               List<org.socialcarebridge.channel.MessageTemplate> templates) {
        String field = RtFields.name(MessageField.TEMPLATE);
        StringBuilder form = new StringBuilder(HttpCall.form(Map.of("field", field, "category", network.displayName())));
        for (org.socialcarebridge.channel.MessageTemplate t : templates) {
            form.append('&').append(HttpCall.form(Map.of("value", t.name())))
                    .append('&').append(HttpCall.form(Map.of("description", templateDescription(t))));
        }
        HttpAnswer answer = session.send("POST", "/SocialCare/FieldValues", "application/x-www-form-urlencoded",
                form.toString());
        JsonNode result = parse(answer, "offer " + templates.size() + " " + network.displayName() + " templates");
        if (!answer.ok() || !result.path("ok").asBoolean(false)) {
            throw new HostRejectedException("RT did not take the " + network.displayName() + " templates as the values of "
                    + field + ": " + answer.status() + " " + result.path("error").asText(answer.body()));
        }
    }

    /** RT keeps a value's description in 255 characters: the language, then as much of the body as fits. */
    static String templateDescription(org.socialcarebridge.channel.MessageTemplate t) {
        String d = t.language() + ": " + t.body().replaceAll("\\s+", " ").strip();
        return d.codePointCount(0, d.length()) <= 255 ? d : d.substring(0, d.offsetByCodePoints(0, 254)) + "…";
    }

    @Override
    public void comment(long ticketId, String text) {
        ObjectNode body = json.createObjectNode().put("Content", text).put("ContentType", "text/plain");
        expectSuccess(session.send("POST", REST + "/ticket/" + ticketId + "/comment", "application/json", body.toString()),
                "comment on ticket " + ticketId);
    }

    @Override
    public Optional<Long> ticketForConversation(String conversationKey) {
        // Any queue: triage routes tickets to several, and agents move them.
        String query = "'CF.{" + RtFields.name(TicketField.CONVERSATION) + "}' = '" + sql(conversationKey) + "'";
        JsonNode found = parse(session.send("GET", REST + "/tickets?per_page=1&orderby=id&order=DESC&query="
                        + HttpCall.encode(query), null, null),
                "search tickets");
        JsonNode items = found.path("items");
        return items.size() == 0 ? Optional.empty() : Optional.of(items.get(0).path("id").asLong());
    }

    @Override
    public boolean ticketHoldsMessage(long ticketId, String postKey) {
        for (long txn : transactionIds(searchBody(List.of(
                term("ObjectType", "=", "RT::Ticket"), term("ObjectId", "=", ticketId), term("Type", "=", "Correspond"))), 1000)) {
            if (postKey.equals(fieldValue(transaction(txn), RtFields.name(MessageField.POST_ID)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<AgentReply> agentReply(long transactionId) {
        JsonNode txn = transaction(transactionId);
        if (!"Correspond".equals(txn.path("Type").asText()) || !"ticket".equals(txn.path("Object").path("type").asText())) {
            return Optional.empty();
        }
        // REST2 names the creator by user name here.
        String agent = txn.path("Creator").path("id").asText();
        if (agent.equals(settings.user())) {
            return Optional.empty(); // a customer message the plugin filed, not an agent's reply
        }
        long ticketId = txn.path("Object").path("id").asLong();
        JsonNode ticket = parse(session.send("GET", REST + "/ticket/" + ticketId, null, null), "read ticket " + ticketId);
        if (fieldValue(ticket, RtFields.name(TicketField.CONVERSATION)) == null) {
            return Optional.empty(); // not a social ticket, whatever its queue
        }
        String visibility = fieldValue(txn, RtFields.name(MessageField.REPLY_VISIBILITY));
        // Left empty on the Reply form: the outbox replies the way the customer last wrote.
        ReplyVisibility chosen = visibility == null || visibility.isBlank() ? null : RtFields.choice(visibility);
        boolean ticketNeedsApproval = "Yes".equalsIgnoreCase(fieldValue(ticket, RtFields.name(TicketField.APPROVAL_REQUIRED)));
        JsonNode user = agentUser(agent);
        // Fails closed: an unreadable group fails the whole read, and the reply is taken again later.
        boolean agentNeedsApproval = approvalNeeded.current().contains(userId(user));
        String realName = user.path("RealName").asText("");
        String seen = fieldValue(txn, RtFields.name(MessageField.SEEN));
        return Optional.of(new AgentReply(ticketId, transactionId, agent, content(transactionId), chosen,
                ticketNeedsApproval, agentNeedsApproval, realName.isBlank() ? agent : realName,
                seen != null && seen.strip().matches("\\d{1,18}") ? Long.valueOf(seen.strip()) : null,
                fieldValue(txn, RtFields.name(MessageField.REPLY_TO)), // the reply policy checks it against the conversation
                blankAsNull(fieldValue(txn, RtFields.name(MessageField.TEMPLATE)))));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public List<String> overtakingActivity(long ticketId, long afterTransactionId, long beforeTransactionId, String agent) {
        List<String> activity = new ArrayList<>();
        // RT ORs two limits on the same column, so the upper bound is applied here, not in the search.
        for (long id : transactionIds(searchBody(List.of(term("ObjectType", "=", "RT::Ticket"), term("ObjectId", "=", ticketId),
                term("Type", "=", "Correspond"), term("id", ">", afterTransactionId))), 100)) {
            if (id >= beforeTransactionId) {
                continue;
            }
            String creator = transaction(id).path("Creator").path("id").asText();
            if (creator.equals(settings.user())) {
                activity.add("the customer wrote again (transaction #" + id + ")");
            } else if (!creator.equals(agent)) {
                activity.add(creator + " replied (transaction #" + id + ")");
            }
        }
        return activity;
    }

    /** RT names the creator of a transaction by user name; groups list their members by id; the signature needs the real name. */
    private JsonNode agentUser(String name) {
        return agents.computeIfAbsent(name, n -> {
            HttpAnswer answer = session.send("GET", REST + "/user/" + HttpCall.encode(n), null, null);
            JsonNode user = parse(answer, "read user " + n);
            if (!answer.ok() || userId(user) == null) {
                throw new HostRejectedException("RT did not answer user " + n + ": " + answer.status() + " " + answer.body());
            }
            return user;
        });
    }

    /**
     * The groups as read within the last minute first; someone found in none of them is looked for once
     * more in each group read afresh, so an agent added a moment ago is not refused for a minute. A group
     * that cannot be read matters only when the user is in none of the others: then nobody can tell.
     */
    @Override
    public boolean memberOfAny(String user, List<String> names) {
        String id = userId(agentUser(user));
        List<Refreshed<Set<String>>> read = names.stream()
                .map(name -> groups.computeIfAbsent(name, g -> new Refreshed<>(MEMBERS_PERIOD, () -> memberIds(g)))).toList();
        for (Refreshed<Set<String>> group : read) {
            Set<String> recent = group.recent();
            if (recent != null && recent.contains(id)) {
                return true;
            }
        }
        RuntimeException unreadable = null;
        for (Refreshed<Set<String>> group : read) {
            try {
                if (group.reread().contains(id)) {
                    return true;
                }
            } catch (RuntimeException e) {
                unreadable = unreadable == null ? e : unreadable;
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return false;
    }

    @Override
    public long raiseAlert(String subject, String text) {
        ObjectNode body = json.createObjectNode().put("Queue", settings.alertQueue()).put("Subject", subject)
                .put("Content", text).put("ContentType", "text/plain");
        HttpAnswer answer = session.send("POST", REST + "/ticket", "application/json", body.toString());
        JsonNode created = parse(answer, "open an alert in queue " + settings.alertQueue());
        if (answer.status() != 201 || !created.has("id")) {
            throw new HostRejectedException("RT did not open the alert in queue '" + settings.alertQueue() + "': "
                    + answer.status() + " " + answer.body() + " (run ./socialcare provision)");
        }
        return created.get("id").asLong();
    }

    @Override
    public void clearAlert(long alertId, String text) {
        comment(alertId, text);
        expectSuccess(session.send("PUT", REST + "/ticket/" + alertId, "application/json",
                json.createObjectNode().put("Status", "resolved").toString()), "resolve alert " + alertId);
    }

    @Override
    public long latestTransactionId() {
        // RT drops what the plugin may not see from each page after paging, so the newest transaction (say,
        // on a queue that is not social) can leave a page empty: read on until one is seen or none is left.
        String search = searchBody(List.of(term("id", ">", 0), term("ObjectType", "=", "RT::Ticket")));
        for (int page = 1; page <= 1000; page++) {
            HttpAnswer answer = session.send("POST", REST + "/transactions?orderby=id&order=DESC&per_page=100&page=" + page,
                    "application/json", search);
            JsonNode found = parse(answer, "search transactions");
            if (!answer.ok()) {
                throw new HostRejectedException("RT refused to search transactions: " + answer.status() + " " + answer.body());
            }
            for (JsonNode item : found.path("items")) {
                return item.path("id").asLong();
            }
            if (page >= found.path("pages").asInt(page)) {
                return 0;
            }
        }
        throw new HostRejectedException("none of RT's 100,000 newest ticket transactions is visible to RT user '"
                + settings.user() + "'; run the provisioning command to grant the plugin's rights");
    }

    /**
     * How old a reply must be before reconciling takes it. REST2 writes a reply's transaction custom fields
     * (Reply Visibility, Reply To) after it has created the transaction, and the notification comes once the
     * request is done; a reconciling search in between read the reply without them, and a Public reply on a
     * private conversation went out as Private. Reconciling is for notifications that were lost, so it waits.
     */
    static final Duration REPLY_SETTLE = Duration.ofSeconds(10);

    @Override
    public List<Long> replyTransactionsAfter(long transactionId, int limit) {
        String settled = RT_TIME.format(Instant.now().minus(REPLY_SETTLE)); // RT keeps times in UTC
        return transactionIds(searchBody(List.of(term("id", ">", transactionId), term("ObjectType", "=", "RT::Ticket"),
                term("Type", "=", "Correspond"), term("Creator", "!=", pluginUserId()), term("Created", "<", settled))),
                limit);
    }

    private static final java.time.format.DateTimeFormatter RT_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    @Override
    public void labelFirstMessage(long ticketId, Map<MessageField, String> messageFields) {
        setTransactionFields("ticket", ticketId, RtFields.messageNames(messageFields));
    }

    @Override
    public void recordDelivery(long transactionId, Map<MessageField, String> transactionFields) {
        setTransactionFields("transaction", transactionId, RtFields.messageNames(transactionFields));
    }

    /**
     * Sets transaction custom fields through the RT extension's endpoint, all in one request. REST2
     * offers no way to change them afterwards, and drops them silently on ticket creation.
     *
     * @param target "transaction" (that transaction) or "ticket" (the ticket's Create transaction)
     */
    private void setTransactionFields(String target, long id, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        StringBuilder form = new StringBuilder(HttpCall.form(Map.of(target, String.valueOf(id))));
        fields.forEach((name, value) -> form.append('&').append(HttpCall.form(Map.of("field", name)))
                .append('&').append(HttpCall.form(Map.of("value", value))));
        HttpAnswer answer = session.send("POST", "/SocialCare/TransactionCustomField", "application/x-www-form-urlencoded",
                form.toString());
        JsonNode result = parse(answer, "set " + fields.keySet() + " on " + target + " " + id);
        if (!answer.ok() || !result.path("ok").asBoolean(false)) {
            throw new HostRejectedException("RT did not set " + fields.keySet() + " on " + target + " " + id + ": "
                    + answer.status() + " " + result.path("error").asText(answer.body()));
        }
    }

    // ---- reading RT

    private JsonNode transaction(long id) {
        HttpAnswer answer = session.send("GET", REST + "/transaction/" + id, null, null);
        if (answer.status() == 404) {
            throw new HostRejectedException("RT has no transaction " + id);
        }
        return parse(answer, "read transaction " + id);
    }

    /** The text of the reply: the first text/plain part of the transaction. */
    private String content(long transactionId) {
        JsonNode list = parse(session.send("GET", REST + "/transaction/" + transactionId + "/attachments", null, null),
                "list the attachments of transaction " + transactionId);
        String html = null;
        for (JsonNode item : list.path("items")) {
            JsonNode a = parse(session.send("GET", REST + "/attachment/" + item.path("id").asText(), null, null), "read an attachment");
            String type = a.path("ContentType").asText("");
            String content = a.hasNonNull("Content") ? decode(a.get("Content").asText()) : null;
            if (content == null || content.isEmpty()) {
                continue;
            }
            if (type.startsWith("text/plain")) {
                return content;
            }
            if (type.startsWith("text/html") && html == null) {
                html = content;
            }
        }
        // RT's rich-text editor sends HTML only; the network gets its text.
        return html == null ? "" : HtmlText.of(html);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    private long pluginUserId() {
        Long id = pluginUserId;
        if (id == null) {
            JsonNode me = parse(session.send("GET", REST + "/user/" + HttpCall.encode(settings.user()), null, null),
                    "read the plugin's own RT user");
            id = me.path("id").asLong();
            pluginUserId = id;
        }
        return id;
    }

    @Override
    public List<FieldChange> fieldChangesAfter(long transactionId, Set<TicketField> fields, int limit) {
        List<FieldChange> changes = new ArrayList<>();
        for (TicketTransaction t : peoplesTransactions("CustomField", transactionId, limit)) {
            // The ticket names its fields by id (the plugin may not read field definitions), and its
            // value now is the correction.
            String fieldId = t.txn().path("Field").path("id").asText();
            fieldById(t.ticket(), fieldId).ifPresent(cf -> RtFields.ticketField(cf.path("name").asText())
                    .filter(fields::contains)
                    .ifPresent(field -> changes.add(new FieldChange(t.id(), t.ticketId(), field, cf.path("name").asText(),
                            firstValue(cf), t.txn().path("Creator").path("id").asText()))));
        }
        return changes;
    }

    @Override
    public List<StatusChange> statusChangesAfter(long transactionId, int limit) {
        return peoplesTransactions("Status", transactionId, limit).stream()
                .map(t -> new StatusChange(t.id(), t.ticketId(), t.txn().path("OldValue").asText(""),
                        t.txn().path("NewValue").asText(""), t.txn().path("Creator").path("id").asText(),
                        Instant.parse(t.txn().path("Created").asText())))
                .toList();
    }

    /** A transaction on a social ticket, with the ticket as it is now. */
    private record TicketTransaction(long id, long ticketId, JsonNode txn, JsonNode ticket) {
    }

    /**
     * Transactions of one type that people (not the plugin) made on social tickets after the given one,
     * oldest first; each ticket is read once. A ticket the plugin may not see is none of its business.
     */
    private List<TicketTransaction> peoplesTransactions(String type, long after, int limit) {
        List<TicketTransaction> found = new ArrayList<>();
        Map<Long, Optional<JsonNode>> tickets = new HashMap<>();
        for (long id : transactionIds(searchBody(List.of(term("id", ">", after), term("ObjectType", "=", "RT::Ticket"),
                term("Type", "=", type), term("Creator", "!=", pluginUserId()))), limit)) {
            JsonNode txn = transaction(id);
            long ticketId = txn.path("Object").path("id").asLong();
            tickets.computeIfAbsent(ticketId, this::socialTicket)
                    .ifPresent(ticket -> found.add(new TicketTransaction(id, ticketId, txn, ticket)));
        }
        return found;
    }

    /** The ticket, when it is a social ticket the plugin may read. */
    private Optional<JsonNode> socialTicket(long id) {
        HttpAnswer answer = session.send("GET", REST + "/ticket/" + id, null, null);
        if (answer.status() == 403 || answer.status() == 404) {
            return Optional.empty();
        }
        JsonNode ticket = parse(answer, "read ticket " + id);
        return fieldValue(ticket, RtFields.name(TicketField.CONVERSATION)) == null ? Optional.empty() : Optional.of(ticket);
    }

    private static Optional<JsonNode> fieldById(JsonNode object, String id) {
        for (JsonNode cf : object.path("CustomFields")) {
            if (id.equals(cf.path("id").asText())) {
                return Optional.of(cf);
            }
        }
        return Optional.empty();
    }

    /**
     * A customer known by name only is looked up by name; against an extension that lists ids only (older
     * than /SocialCare/Ticket), the customer's id is asked of RT first, unless no one is valued.
     */
    @Override
    public boolean valuedCustomer(HostCustomer customer) {
        Members valued = valuedCustomers.get();
        if (rtId(customer)) {
            return valued.ids().contains(customer.id());
        }
        if (valued.named() || valued.ids().isEmpty()) {
            return valued.names().contains(customer.id());
        }
        return valued.ids().contains(resolved(customer).id());
    }

    @Override
    public Optional<String> ticketField(long ticketId, TicketField field) {
        return Optional.ofNullable(fieldValue(parse(session.send("GET", REST + "/ticket/" + ticketId, null, null),
                "read ticket " + ticketId), RtFields.name(field)));
    }

    @Override
    public void setTicketFields(long ticketId, Map<TicketField, String> fieldValues) {
        if (fieldValues.isEmpty()) {
            return;
        }
        ObjectNode body = json.createObjectNode();
        ObjectNode fields = body.putObject("CustomFields");
        Map<String, String> values = RtFields.ticketNames(fieldValues);
        // RT 5.0.3's REST2 cannot remove a value: it records an empty one, which fieldValue reads as none.
        values.forEach((field, value) -> fields.put(field, value == null ? "" : value));
        expectSuccess(session.send("PUT", REST + "/ticket/" + ticketId, "application/json", body.toString()),
                "set " + String.join(", ", values.keySet()) + " on ticket " + ticketId);
    }

    @Override
    public void reopenFor(long ticketId, String group, String note) {
        ObjectNode body = json.createObjectNode().put("Status", "open").put("Owner", "Nobody");
        body.putArray("AdminCc").add("group:" + group);
        expectSuccess(session.send("PUT", REST + "/ticket/" + ticketId, "application/json", body.toString()),
                "reopen ticket " + ticketId + " for group " + group);
        comment(ticketId, note);
    }

    /**
     * Members of a group where being left out costs little (the VIPs: at most a raised tier). A refusal
     * (rights not provisioned, no such group) is logged with the fix and counts as nobody.
     */
    private Members readMembers(String group) {
        try {
            return members(group);
        } catch (HostRejectedException e) {
            LOG.warn("Members of RT group {} unknown: {}", group, e.getMessage());
            return new Members(Set.of(), Set.of(), true);
        }
    }

    /**
     * A group's users: RT ids, and names when the extension lists them (named: since /SocialCare/Ticket).
     */
    record Members(Set<String> ids, Set<String> names, boolean named) {
    }

    /**
     * RT user ids in this group, recursively, from the extension's endpoint (REST2 lists members only
     * to AdminGroupMembership). Throws when RT will not say, including for a group it does not have.
     */
    private Set<String> memberIds(String group) {
        return members(group).ids();
    }

    private Members members(String group) {
        HttpAnswer answer = session.send("GET", "/SocialCare/GroupMembers?Name=" + HttpCall.encode(group), null, null);
        if (answer.status() == 403) {
            throw new HostRejectedException("RT user '" + settings.user() + "' may not see the members of group '" + group
                    + "' (403): it needs the right SeeGroup on that group; the provisioning command grants it on the"
                    + " groups it creates, an administrator on any other (RT: Admin > Groups > " + group + " > Group Rights)");
        }
        if (answer.status() == 404) {
            throw new HostRejectedException("RT has no group '" + group + "' (404): create it, or correct the name where it"
                    + " is configured; the provisioning command creates the standard groups and installs the RT extension"
                    + " that lists members");
        }
        JsonNode body = parse(answer, "list the members of group " + group);
        if (!answer.ok() || !body.path("members").isArray()) {
            throw new HostRejectedException("RT did not list the members of group '" + group + "': " + answer.status() + " "
                    + body.path("error").asText(answer.body()));
        }
        Set<String> ids = new HashSet<>();
        body.path("members").forEach(m -> ids.add(m.asText()));
        Set<String> names = new HashSet<>();
        body.path("names").forEach(n -> names.add(n.asText()));
        return new Members(ids, names, body.path("names").isArray());
    }

    /** A custom field's first value, by name, on a ticket or a transaction. */
    private static String fieldValue(JsonNode object, String name) {
        for (JsonNode cf : object.path("CustomFields")) {
            if (name.equals(cf.path("name").asText())) {
                return firstValue(cf);
            }
        }
        return null;
    }

    /** A field's first value; an empty one (what REST2 leaves when a value is cleared) is none. */
    private static String firstValue(JsonNode cf) {
        JsonNode values = cf.path("values");
        return values.size() == 0 || values.get(0).isNull() || values.get(0).asText().isEmpty() ? null : values.get(0).asText();
    }

    private ObjectNode term(String field, String operator, Object value) {
        ObjectNode t = json.createObjectNode().put("field", field).put("operator", operator);
        if (value instanceof Number n) {
            t.put("value", n.longValue());
        } else {
            t.put("value", String.valueOf(value));
        }
        return t;
    }

    private String searchBody(List<ObjectNode> terms) {
        ArrayNode array = json.createArrayNode();
        terms.forEach(array::add);
        return array.toString();
    }

    private List<Long> transactionIds(String searchJson, int limit) {
        return transactionIds(searchJson, limit, "ASC");
    }

    private List<Long> transactionIds(String searchJson, int limit, String order) {
        HttpAnswer answer = session.send("POST", REST + "/transactions?orderby=id&order=" + order + "&per_page=" + limit,
                "application/json", searchJson);
        JsonNode found = parse(answer, "search transactions");
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : found.path("items")) {
            ids.add(item.path("id").asLong());
        }
        return ids;
    }

    private JsonNode parse(HttpAnswer answer, String what) {
        if (answer.status() == 403) {
            throw new HostRejectedException("RT user '" + settings.user() + "' may not " + what
                    + " (403); run the provisioning command to grant the plugin's rights");
        }
        try {
            return answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
        } catch (IOException e) {
            throw new HostRejectedException("RT answered " + what + " with " + answer.status() + " and no JSON: "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    /** RT answers updates with a message array; a failure reads e.g. "Invalid value for custom field". */
    private void expectSuccess(HttpAnswer answer, String what) {
        JsonNode messages = parse(answer, what);
        if (!answer.ok()) {
            throw new HostRejectedException("RT did not " + what + ": " + answer.status() + " " + answer.body());
        }
        for (JsonNode m : messages.isArray() ? messages : json.createArrayNode()) {
            String text = m.asText("").toLowerCase(java.util.Locale.ROOT);
            if (text.contains("invalid") || text.contains("permission denied") || text.contains("could not")) {
                throw new HostRejectedException("RT did not " + what + ": " + m.asText());
            }
        }
    }

    private static String sql(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
