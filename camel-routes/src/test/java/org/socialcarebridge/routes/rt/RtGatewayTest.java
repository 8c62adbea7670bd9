package org.socialcarebridge.routes.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.reply.Handle;
import org.socialcarebridge.reply.Participants;
import org.socialcarebridge.reply.ReplyApproval;
import org.socialcarebridge.reply.ReplyBlockedException;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.ReplyRefusedException;
import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The gateway against a small stand-in for RT over real HTTP: REST2 as an RT user without AdminUsers
 * sees it (other users in summary, the id in the self link) and the RT extension's endpoints.
 */
class RtGatewayTest {
    static final List<String> AGENT_GROUPS = List.of("Social Agents", "Social Team Leads");
    final ObjectMapper json = new ObjectMapper();
    final FakeRt rt = new FakeRt();
    DefaultCamelContext camel;
    RtGateway gateway;

    /** Just enough of RT: login, users, tickets, transactions, and the extension's group and customer endpoints. */
    class FakeRt {
        final HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        /** RT users by name: id and whether privileged. */
        final Map<String, long[]> users = new ConcurrentHashMap<>();
        final Map<String, Set<Long>> groups = new ConcurrentHashMap<>();
        final Set<String> forbiddenGroups = ConcurrentHashMap.newKeySet();
        final Map<Long, ObjectNode> tickets = new ConcurrentHashMap<>();
        final Map<Long, ObjectNode> transactions = new ConcurrentHashMap<>();
        final List<JsonNode> customersCreated = new CopyOnWriteArrayList<>();
        final List<JsonNode> ticketsCreated = new CopyOnWriteArrayList<>();
        int customerStatus = 201;
        /** False: an RT extension older than /SocialCare/Ticket (404, and GroupMembers without names). */
        volatile boolean ticketEndpoint = true;
        /** When set, /SocialCare/Ticket creates the ticket and answers this error with it (a failure after creation). */
        volatile String errorAfterTicket;
        final List<JsonNode> ticketRequests = new CopyOnWriteArrayList<>();
        /** When not 0, every request is answered with it (429 or 503: too busy), with this Retry-After. */
        volatile int busyStatus;
        volatile String busyRetryAfter;
        long nextUser = 100;

        FakeRt() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::handle);
            server.start();
            users.put("socialcare", new long[] {1, 1});
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void user(String name, long id, boolean privileged) {
            users.put(name, new long[] {id, privileged ? 1 : 0});
        }

        private void handle(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            if (busyStatus != 0) {
                if (busyRetryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", busyRetryAfter);
                }
                answer(exchange, busyStatus, "{}");
            } else if (path.equals("/NoAuth/Login.html")) {
                exchange.getResponseHeaders().add("Set-Cookie", "RT_SID_test.80=abc; path=/");
                answer(exchange, 200, "<html>welcome</html>");
            } else if (!"RT_SID_test.80=abc".equals(exchange.getRequestHeaders().getFirst("Cookie"))) {
                answer(exchange, 401, "{}");
            } else if (method.equals("GET") && path.startsWith("/REST/2.0/user/")) {
                String name = URLDecoder.decode(path.substring("/REST/2.0/user/".length()), StandardCharsets.UTF_8);
                long[] user = users.get(name);
                if (user == null) {
                    answer(exchange, 404, "{\"message\":\"Not Found\"}");
                } else if (name.equals("socialcare")) {
                    answer(exchange, 200, json.createObjectNode().put("id", user[0]).put("Name", name).toString());
                } else {
                    // What REST2 shows of another user to a privileged user without AdminUsers.
                    ObjectNode summary = json.createObjectNode().put("Name", name).put("RealName", "Real " + name)
                            .put("EmailAddress", "").put("Privileged", user[1]);
                    summary.putArray("_hyperlinks").addObject().put("ref", "self").put("type", "user").put("id", user[0])
                            .put("_url", url() + "/REST/2.0/user/" + user[0]);
                    answer(exchange, 200, summary.toString());
                }
            } else if (method.equals("POST") && path.equals("/SocialCare/Customer")) {
                JsonNode customer = json.readTree(body);
                int[] status = new int[1];
                ObjectNode found = customer(customer, status);
                answer(exchange, status[0], found.toString());
            } else if (method.equals("POST") && path.equals("/REST/2.0/ticket")) {
                long id = ticket(json.readTree(body));
                answer(exchange, 201, json.createObjectNode().put("id", id).toString());
            } else if (path.equals("/SocialCare/Ticket") && !ticketEndpoint) {
                answer(exchange, 404, "<html>Not Found</html>"); // RT's answer for a component it lacks
            } else if (method.equals("POST") && path.equals("/SocialCare/Ticket")) {
                // As the extension does: the customer (same rules as /SocialCare/Customer), then the ticket.
                JsonNode request = json.readTree(body);
                ticketRequests.add(request);
                ObjectNode ticket = ((ObjectNode) request.path("Ticket")).deepCopy();
                ObjectNode customer = null;
                if (request.has("Customer")) {
                    int[] status = new int[1];
                    customer = customer(request.path("Customer"), status);
                    if (status[0] != 201 && status[0] != 200) {
                        answer(exchange, status[0], customer.toString());
                        return;
                    }
                    ticket.put("Requestor", customer.path("id").asText());
                }
                long id = ticket(ticket);
                ObjectNode created = json.createObjectNode().put("id", id).put("Transaction", 5000 + id);
                if (customer != null) {
                    created.set("Customer", customer);
                }
                if (errorAfterTicket != null) {
                    created.put("error", "ticket " + id + " was created, but " + errorAfterTicket);
                }
                answer(exchange, 201, created.toString());
            } else if (method.equals("POST") && path.matches("/REST/2.0/ticket/\\d+/correspond")) {
                answer(exchange, 201, "[\"Correspondence added\"]");
            } else if (method.equals("POST") && path.equals("/SocialCare/TransactionCustomField")) {
                answer(exchange, 200, "{\"ok\":true}");
            } else if (method.equals("GET") && path.equals("/SocialCare/GroupMembers")) {
                String name = URLDecoder.decode(query.substring("Name=".length()), StandardCharsets.UTF_8);
                if (forbiddenGroups.contains(name)) {
                    answer(exchange, 403, "{\"error\":\"no SeeGroup\"}");
                } else if (!groups.containsKey(name)) {
                    answer(exchange, 404, "{\"error\":\"no such group\"}");
                } else {
                    ObjectNode members = json.createObjectNode().put("group", name);
                    groups.get(name).forEach(members.putArray("members")::add);
                    if (ticketEndpoint) {
                        ArrayNode names = members.putArray("names");
                        groups.get(name).forEach(id -> users.forEach((n, u) -> {
                            if (u[0] == id) {
                                names.add(n);
                            }
                        }));
                    }
                    answer(exchange, 200, members.toString());
                }
            } else if (method.equals("GET") && path.matches("/REST/2.0/ticket/\\d+")) {
                ObjectNode ticket = tickets.get(Long.parseLong(path.substring("/REST/2.0/ticket/".length())));
                answer(exchange, ticket == null ? 404 : 200, ticket == null ? "{}" : ticket.toString());
            } else if (method.equals("GET") && path.matches("/REST/2.0/transaction/\\d+")) {
                ObjectNode txn = transactions.get(Long.parseLong(path.substring("/REST/2.0/transaction/".length())));
                answer(exchange, txn == null ? 404 : 200, txn == null ? "{}" : txn.toString());
            } else if (method.equals("GET") && path.matches("/REST/2.0/transaction/\\d+/attachments")) {
                answer(exchange, 200, "{\"items\":[]}");
            } else {
                // Anything else (REST2's POST /user, its group member lists) needs rights the plugin no longer has.
                answer(exchange, 403, "{\"message\":\"Forbidden\"}");
            }
        }

        /** As the extension does: an existing user is answered (200), a privileged one refused (409). */
        private ObjectNode customer(JsonNode customer, int[] status) {
            String name = customer.path("Name").asText();
            if (customerStatus != 201) {
                status[0] = customerStatus;
                return json.createObjectNode().put("error", "refused (test)");
            }
            long[] existing = users.get(name);
            if (existing != null) {
                status[0] = existing[1] == 1 ? 409 : 200;
                return existing[1] == 1 ? json.createObjectNode().put("error", "privileged")
                        : json.createObjectNode().put("id", existing[0]).put("Name", name);
            }
            customersCreated.add(customer);
            long id = nextUser++;
            user(name, id, false);
            status[0] = 201;
            return json.createObjectNode().put("id", id).put("Name", name);
        }

        private long ticket(JsonNode ticket) {
            long id;
            synchronized (ticketsCreated) {
                ticketsCreated.add(ticket);
                id = 1000 + ticketsCreated.size();
            }
            tickets.putIfAbsent(id, json.createObjectNode().put("id", id).put("Status", "new"));
            return id;
        }

        private void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        long count(String request) {
            return requests.stream().filter(r -> r.startsWith(request)).count();
        }
    }

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        gateway = new RtGateway(new HttpCall(camel), RtSettings.from(Map.of("url", rt.url(), "user", "socialcare",
                "password", "not-a-real-one")), json);
        rt.user("agent", 10, true);
        rt.user("lead", 11, true);
        rt.user("newhire", 12, true);
        rt.user("maria@example.com", 13, false);
        rt.groups.put("Social Agents", new HashSet<>(Set.of(10L, 12L)));
        rt.groups.put("Social Team Leads", new HashSet<>(Set.of(11L)));
        rt.groups.put("Social Approval Needed", new HashSet<>(Set.of(12L)));
        rt.groups.put("Social VIP", new HashSet<>());
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        rt.server.stop(0);
    }

    SocialIdentity maria() {
        return new SocialIdentity(Network.X, "123", "maria", "María", "https://x.com/maria", 1, false);
    }

    @Test
    void aNewCustomerIsCreatedThroughTheExtensionNeverRest2sAdminOnlyEndpoint() {
        assertEquals("100", gateway.customerInRt(maria()).id());
        assertEquals(1, rt.customersCreated.size());
        JsonNode created = rt.customersCreated.get(0);
        assertEquals("x:123", created.path("Name").asText());
        assertEquals("María (@maria)", created.path("RealName").asText());
        assertEquals("Social Care Bridge customer: X @maria https://x.com/maria", created.path("Comments").asText());
        assertEquals(0, rt.count("POST /REST/2.0/user"), rt.requests.toString());
        assertEquals("100", gateway.customerInRt(maria()).id(), "known from then on");
        assertEquals(1, rt.customersCreated.size());
    }

    @Test
    void anExistingCustomerIsFoundByNameWithTheIdFromTheSummaryREST2ShowsWithoutAdminUsers() {
        rt.user("x:123", 77, false);
        assertEquals("77", gateway.customerInRt(maria()).id());
        assertTrue(rt.customersCreated.isEmpty());
    }

    @Test
    void withoutTheRightToCreateCustomersAnExistingOneIsStillFoundThroughRest2() {
        rt.user("x:123", 77, false);
        rt.customerStatus = 403;
        assertEquals("77", gateway.customerInRt(maria()).id());
        assertEquals(List.of("POST /SocialCare/Customer", "GET /REST/2.0/user/x:123"),
                rt.requests.stream().filter(r -> r.contains("x:123") || r.contains("/SocialCare/Customer")).toList());
    }

    @Test
    void aCustomerRtWillNotCreateSaysWhatToFix() {
        rt.customerStatus = 403;
        HostRejectedException noRight = assertThrows(HostRejectedException.class, () -> gateway.customerInRt(maria()));
        assertTrue(noRight.getMessage().contains("needs the right CreateSocialCustomers"), noRight.getMessage());
        rt.customerStatus = 409;
        HostRejectedException taken = assertThrows(HostRejectedException.class, () -> gateway.customerInRt(maria()));
        assertTrue(taken.getMessage().contains("409") && taken.getMessage().contains("privileged"), taken.getMessage());
    }

    @Test
    void aStaffAccountIsNeverTakenForTheCustomer() {
        rt.user("x:123", 78, true);
        HostRejectedException e = assertThrows(HostRejectedException.class, () -> gateway.customerInRt(maria()));
        assertTrue(e.getMessage().contains("is privileged"), e.getMessage());
    }

    @Test
    void agentsAreMembersOfTheAgentGroupsReadFromTheExtensionOncePerMinute() {
        assertTrue(gateway.memberOfAny("agent", AGENT_GROUPS));
        assertTrue(gateway.memberOfAny("lead", AGENT_GROUPS), "through the second group");
        long reads = rt.count("GET /SocialCare/GroupMembers");
        assertTrue(gateway.memberOfAny("agent", AGENT_GROUPS));
        assertTrue(gateway.memberOfAny("lead", AGENT_GROUPS));
        assertEquals(reads, rt.count("GET /SocialCare/GroupMembers"), "a found member costs no request within the minute");
        assertTrue(rt.requests.contains("GET /SocialCare/GroupMembers?Name=Social%20Agents"), rt.requests.toString());
        assertEquals(0, rt.count("GET /REST/2.0/group"), "REST2's member lists need AdminGroupMembership");
    }

    @Test
    void someoneNotFoundIsLookedForOnceMoreSoAnAgentAddedAMomentAgoIsNotRefused() {
        assertTrue(gateway.memberOfAny("agent", AGENT_GROUPS));
        assertFalse(gateway.memberOfAny("maria@example.com", AGENT_GROUPS), "a requestor answering by e-mail");
        rt.user("new-agent", 14, true);
        rt.groups.get("Social Agents").add(14L);
        long before = rt.count("GET /SocialCare/GroupMembers");
        assertTrue(gateway.memberOfAny("new-agent", AGENT_GROUPS));
        assertEquals(before + 1, rt.count("GET /SocialCare/GroupMembers"), "one fresh read, of the group that has them");

        before = rt.count("GET /SocialCare/GroupMembers");
        assertFalse(gateway.memberOfAny("maria@example.com", AGENT_GROUPS));
        assertEquals(before + 2, rt.count("GET /SocialCare/GroupMembers"), "one fresh read of each group before a refusal");
    }

    @Test
    void whenAGroupCannotBeReadOnlyTheOtherGroupsMembersAreKnownAndNobodyElseIsRefused() {
        rt.forbiddenGroups.add("Social Team Leads");
        assertTrue(gateway.memberOfAny("agent", AGENT_GROUPS));
        HostRejectedException unreadable = assertThrows(HostRejectedException.class,
                () -> gateway.memberOfAny("maria@example.com", AGENT_GROUPS), "not refused: RT could not say");
        assertTrue(unreadable.getMessage().contains("needs the right SeeGroup on that group")
                && unreadable.getMessage().contains("Social Team Leads"), unreadable.getMessage());

        HostRejectedException missing = assertThrows(HostRejectedException.class,
                () -> gateway.memberOfAny("maria@example.com", List.of("Social Agents", "Brand Voice")));
        assertTrue(missing.getMessage().contains("RT has no group 'Brand Voice'"), missing.getMessage());
    }

    /** What the reply path tells an agent names RT's fields, choices and group, word for word as before. */
    @Test
    void theDomainsTextsAboutTheReplyFormReadInRtsWords() {
        Conversation c = new Conversation("x:10", 7, new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false),
                Instant.now());
        ReplyRefusedException publicly = assertThrows(ReplyRefusedException.class,
                () -> new ReplyPolicy(SampleChannels.BOTH).compose(new AgentReply(7, 99, "agent", "on it",
                        ReplyVisibility.PUBLIC, false, false, null, null, " @bob "), c, List.of(), Participants.customerOf(c)));
        assertEquals("Nothing was sent: Social Reply To ('@bob') picks who receives a private reply, and this reply is"
                + " Public. Set Reply Visibility to Private or Move to private, or clear Social Reply To.",
                publicly.in(gateway));
        assertFalse(publicly.getMessage().contains("Social Reply To"), "outside RT, the domain's own names");

        ReplyRefusedException stranger = assertThrows(ReplyRefusedException.class,
                () -> Participants.customerOf(c).recipient("@mallory"));
        assertEquals("Nothing was sent: Social Reply To is '@mallory', which has not written in this conversation. A private"
                + " reply goes only to someone who wrote in this conversation on X: @alice (the customer, x:2001). Put one"
                + " of them in Social Reply To, or clear it to answer the customer.", stranger.in(gateway));

        ReplyApproval approval = new ReplyApproval(0);
        assertEquals("triage marked this ticket as needing approval (Social Approval Required)", approval.holdReason(
                new AgentReply(7, 99, "agent", "hi", ReplyVisibility.PUBLIC, true, false, null, null, null), gateway)
                .orElseThrow());
        assertEquals("replies of newhire need approval (group Social Approval Needed)", approval.holdReason(
                new AgentReply(7, 99, "newhire", "hi", ReplyVisibility.PUBLIC, false, true, null, null, null), gateway)
                .orElseThrow());
        assertEquals("Social Approval Note", gateway.field(TicketField.APPROVAL_NOTE));
        assertTrue(new ReplyBlockedException(List.of()).in(gateway).contains("Send it again as Private (a direct message)"));
        assertTrue(assertThrows(ReplyRefusedException.class, () -> Handle.parse("no such handle")).in(gateway)
                .endsWith("check the participants of the conversation or send the reply as Private."));
    }

    /** RT's Reply form offers what the ticket's channel declares: the extension reads it from Social Reply Choices. */
    @Test
    void aNewTicketCarriesItsChannelsReplyChoicesAsRtsReplyVisibilityValues() {
        assertEquals(1001, gateway.openTicket(newTicket(EnumSet.of(ReplyVisibility.PRIVATE, ReplyVisibility.PUBLIC))));
        assertEquals("Public, Private", rt.ticketsCreated.get(0).path("CustomFields").path("Social Reply Choices").asText(),
                "RT's labels, in the form's order");
        gateway.openTicket(newTicket(EnumSet.allOf(ReplyVisibility.class)));
        assertEquals("Public, Private, Move to private",
                rt.ticketsCreated.get(1).path("CustomFields").path("Social Reply Choices").asText());
        assertEquals("x:10", rt.ticketsCreated.get(1).path("CustomFields").path("Social Conversation ID").asText());
        gateway.openTicket(newTicket(Set.of()));
        assertFalse(rt.ticketsCreated.get(2).path("CustomFields").has("Social Reply Choices"),
                "unknown: left empty, and the form offers every choice");
    }

    static NewTicket newTicket(Set<ReplyVisibility> replyChoices) {
        return new NewTicket("X: where is my parcel", new HostCustomer("100"), "where is my parcel",
                Map.of(TicketField.CONVERSATION, "x:10"), Map.of(MessageField.POST_ID, "10"), null, null, replyChoices);
    }

    void socialReplyBy(String agent, long txn) {
        ObjectNode ticket = json.createObjectNode();
        ticket.putArray("CustomFields").addObject().put("name", "Social Conversation ID").putArray("values").add("x:10");
        rt.tickets.put(7L, ticket);
        ObjectNode t = json.createObjectNode().put("Type", "Correspond");
        t.putObject("Object").put("type", "ticket").put("id", 7);
        t.putObject("Creator").put("id", agent);
        t.putArray("CustomFields");
        rt.transactions.put(txn, t);
    }

    @Test
    void theApprovalGroupIsReadFromTheExtensionAndWhenItCannotBeTheReplyIsNotTaken() {
        socialReplyBy("newhire", 500);
        AgentReply reply = gateway.agentReply(500).orElseThrow();
        assertTrue(reply.agentNeedsApproval());
        assertEquals("Real newhire", reply.agentRealName());
        socialReplyBy("agent", 501);
        assertFalse(gateway.agentReply(501).orElseThrow().agentNeedsApproval());

        // A fresh gateway (restart) on an RT that will not list the group: fails closed, never "nobody needs approval".
        rt.forbiddenGroups.add("Social Approval Needed");
        RtGateway restarted = new RtGateway(new HttpCall(camel), RtSettings.from(Map.of("url", rt.url(), "user", "socialcare",
                "password", "not-a-real-one")), json);
        HostRejectedException e = assertThrows(HostRejectedException.class, () -> restarted.agentReply(501));
        assertTrue(e.getMessage().contains("Social Approval Needed"), e.getMessage());
        rt.forbiddenGroups.clear();
        rt.groups.remove("Social Approval Needed");
        HostRejectedException missing = assertThrows(HostRejectedException.class, () -> restarted.agentReply(501));
        assertTrue(missing.getMessage().contains("RT has no group 'Social Approval Needed'"), missing.getMessage());
    }

    @Test
    void anUnreadableVipGroupCostsOnlyTheRaisedTier() {
        rt.forbiddenGroups.add("Social VIP");
        assertFalse(gateway.valuedCustomer(new org.socialcarebridge.host.HostCustomer("13")));
        rt.forbiddenGroups.clear();
        rt.groups.get("Social VIP").add(13L);
        RtGateway restarted = new RtGateway(new HttpCall(camel), RtSettings.from(Map.of("url", rt.url(), "user", "socialcare",
                "password", "not-a-real-one")), json);
        assertTrue(restarted.valuedCustomer(new org.socialcarebridge.host.HostCustomer("13")));
    }

    // ---- what filing costs RT, and RT too busy

    static org.socialcarebridge.conversation.InboundMessage mention(String id, SocialIdentity author, String inReplyTo,
                                                                    String conversation) {
        return new org.socialcarebridge.conversation.InboundMessage(Network.X, id, author, "@acme my order " + id
                + " never arrived", Instant.parse("2026-11-24T10:00:00Z").plusSeconds(Long.parseLong(id)), inReplyTo,
                conversation, org.socialcarebridge.conversation.Visibility.PUBLIC, "https://x.com/status/" + id);
    }

    /** RT's requests while filing {@code m} alone; the session and the once-a-minute group reads are made before. */
    List<String> requestsToFile(org.socialcarebridge.intake.Intake intake, org.socialcarebridge.conversation.InboundMessage m) {
        intake.receive(List.of(m));
        rt.requests.clear();
        org.socialcarebridge.intake.Intake.FilingReport report = intake.filePending(10);
        assertEquals(1, report.filed(), report.toString());
        return List.copyOf(rt.requests);
    }

    /**
     * The RT requests a ticket costs, counted (docs/performance.md, "Requests per ticket"): before issue 17 a new
     * customer's first mention took 4 (GET user, 404; create; ticket; its first message's fields), then 3 (create;
     * ticket; fields), a known customer's new ticket 2; since, one each through /SocialCare/Ticket.
     */
    @Test
    void filingCostsRtAsFewRequestsAsItAllows() {
        org.socialcarebridge.persistence.Database db = org.socialcarebridge.persistence.Database.open(
                new org.socialcarebridge.persistence.DatabaseSettings("jdbc:h2:mem:" + java.util.UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1", "sa", ""));
        try {
            org.socialcarebridge.intake.Intake intake = new org.socialcarebridge.intake.Intake(db, gateway, gateway, Set.of(),
                    java.time.Duration.ofDays(7), java.time.Clock.systemUTC());
            SocialIdentity bob = new SocialIdentity(Network.X, "200", "bob", "Bob", null, 1, false);
            requestsToFile(intake, mention("1", bob, null, "1")); // logs in, reads the VIP group: once per session, minute

            assertEquals(List.of("POST /SocialCare/Ticket"),
                    requestsToFile(intake, mention("10", maria(), null, "10")), "a new customer's first mention");
            assertEquals(List.of("POST /SocialCare/Ticket"),
                    requestsToFile(intake, mention("20", maria(), null, "20")), "a known customer's new ticket");
            assertEquals(List.of("GET /REST/2.0/ticket/1002", "POST /REST/2.0/ticket/1002/correspond"),
                    requestsToFile(intake, mention("11", maria(), "10", "10")), "a message added to an existing ticket");

            rt.user("x:300", 300, false); // a customer RT has from before (e.g. before a restart)
            assertEquals(List.of("POST /SocialCare/Ticket"),
                    requestsToFile(intake, mention("30", new SocialIdentity(Network.X, "300", "carol", "Carol", null, 1, false),
                            null, "30")), "the extension answers an existing customer in the one request");
            assertEquals(1, rt.customersCreated.stream().filter(c -> c.path("Name").asText().equals("x:123")).count());
            assertEquals("x:123", rt.ticketRequests.get(1).path("Customer").path("Name").asText(), "created with the ticket");
            assertEquals("101", rt.ticketRequests.get(2).path("Ticket").path("Requestor").asText(), "then named by RT's id");
            assertFalse(rt.ticketRequests.get(2).has("Customer"));
        } finally {
            db.close();
        }
    }

    @Test
    void aNewCustomerIsFiledWithTheirTicketAndOnlyTheIdRtGaveIsKept() {
        HostCustomer unknown = gateway.customerFor(maria());
        assertEquals("x:123", unknown.id(), "known by RT name until RT gives the id");
        assertTrue(rt.requests.isEmpty(), "RT is not asked yet: " + rt.requests);
        assertEquals(1001, gateway.openTicket(ticketFor(unknown)));
        assertEquals(List.of("POST /SocialCare/Ticket"), filing());
        JsonNode request = rt.ticketRequests.get(0);
        assertEquals("María (@maria)", request.path("Customer").path("RealName").asText());
        assertEquals("Social Care Bridge customer: X @maria https://x.com/maria", request.path("Customer").path("Comments").asText());
        assertFalse(request.path("Ticket").has("Requestor"), "the customer is the requestor");
        assertEquals("10", request.path("TransactionCustomFields").path("Social Post ID").asText(), "the first message's fields");
        assertEquals("x:10", request.path("Ticket").path("CustomFields").path("Social Conversation ID").asText());
        assertEquals("100", gateway.customerFor(maria()).id(), "the id RT answered, from then on");
    }

    @Test
    void aStaffAccountIsNeverTakenForTheCustomerWhenFilingInOneRequest() {
        rt.user("x:123", 78, true);
        HostRejectedException e = assertThrows(HostRejectedException.class,
                () -> gateway.openTicket(ticketFor(gateway.customerFor(maria()))));
        assertTrue(e.getMessage().contains("is privileged") && e.getMessage().contains("409"), e.getMessage());
        assertTrue(rt.ticketsCreated.isEmpty());
        assertEquals("x:123", gateway.customerFor(maria()).id(), "no id stored that RT did not give");
    }

    @Test
    void withoutTheRightToCreateCustomersTheExistingOneIsFoundThenFiledByItsId() {
        rt.user("x:123", 77, false);
        rt.customerStatus = 403;
        assertEquals(1001, gateway.openTicket(ticketFor(gateway.customerFor(maria()))));
        assertEquals(List.of("POST /SocialCare/Ticket", "POST /SocialCare/Customer", "GET /REST/2.0/user/x:123",
                "POST /SocialCare/Ticket"), rt.requests.stream().filter(r -> r.contains("x:123") || r.contains("/SocialCare/")).toList());
        assertEquals("77", rt.ticketsCreated.get(0).path("Requestor").asText());
    }

    @Test
    void anExtensionWithoutTheTicketEndpointGetsTodaysRequestsAndIsNotAskedAgainAtOnce() {
        rt.ticketEndpoint = false;
        assertEquals(1001, gateway.openTicket(ticketFor(gateway.customerFor(maria()))));
        assertEquals(List.of("POST /SocialCare/Ticket", "POST /SocialCare/Customer", "POST /REST/2.0/ticket",
                "POST /SocialCare/TransactionCustomField"), filing());
        assertEquals("100", rt.ticketsCreated.get(0).path("Requestor").asText());
        rt.requests.clear();
        SocialIdentity bob = new SocialIdentity(Network.X, "200", "bob", "Bob", null, 1, false);
        assertEquals(1002, gateway.openTicket(ticketFor(gateway.customerFor(bob))));
        assertEquals(List.of("POST /SocialCare/Customer", "POST /REST/2.0/ticket", "POST /SocialCare/TransactionCustomField"),
                filing(), "the endpoint is not probed on every ticket");
        rt.requests.clear();
        assertEquals(1003, gateway.openTicket(ticketFor(gateway.customerFor(maria()))));
        assertEquals(List.of("POST /REST/2.0/ticket", "POST /SocialCare/TransactionCustomField"), filing());
    }

    @Test
    void aFailureAfterTheTicketExistsKeepsTheTicketAndTheCustomersId() {
        rt.errorAfterTicket = "its transaction custom fields were not set (Social Post ID: Invalid input)";
        assertEquals(1001, gateway.openTicket(ticketFor(gateway.customerFor(maria()))),
                "the ticket exists: the message is on it (REST2's create went on without what RT did not take)");
        assertEquals(1, rt.ticketsCreated.size(), "one ticket");
        assertEquals(List.of("POST /SocialCare/Ticket", "POST /SocialCare/TransactionCustomField"), filing(),
                "the first message's fields set once more, as REST2's path sets them");
        assertEquals("100", gateway.customerFor(maria()).id(), "the customer RT created is known by its id");
    }

    @Test
    void aValuedCustomerKnownByNameIsRecognisedByName() {
        rt.user("x:123", 77, false);
        rt.groups.get("Social VIP").add(77L);
        assertTrue(gateway.valuedCustomer(gateway.customerFor(maria())));
        assertFalse(rt.requests.stream().anyMatch(r -> r.contains("/SocialCare/Customer")), rt.requests.toString());
        assertFalse(gateway.valuedCustomer(gateway.customerFor(new SocialIdentity(Network.X, "200", "bob", "Bob", null, 1, false))));

        // An extension that lists ids only: the id is asked of RT first (as before /SocialCare/Ticket).
        rt.ticketEndpoint = false;
        RtGateway older = new RtGateway(new HttpCall(camel), RtSettings.from(Map.of("url", rt.url(), "user", "socialcare",
                "password", "not-a-real-one")), json);
        rt.requests.clear();
        assertTrue(older.valuedCustomer(older.customerFor(maria())));
        assertTrue(rt.requests.contains("POST /SocialCare/Customer"), rt.requests.toString());
    }

    /** The filing requests RT received (no login, no session check). */
    List<String> filing() {
        return rt.requests.stream().filter(r -> !r.contains("Login") && !r.contains("/REST/2.0/user/socialcare")).toList();
    }

    static NewTicket ticketFor(HostCustomer customer) {
        return new NewTicket("X: where is my parcel", customer, "where is my parcel",
                Map.of(TicketField.CONVERSATION, "x:10"), Map.of(MessageField.POST_ID, "10"), null, null, Set.of());
    }

    @Test
    void rtTooBusyIsBusyNotAnOutageAndItsRetryAfterIsHonoured() {
        gateway.customerInRt(maria()); // logged in
        rt.busyStatus = 429;
        rt.busyRetryAfter = "7";
        org.socialcarebridge.host.HostBusyException busy = assertThrows(org.socialcarebridge.host.HostBusyException.class,
                () -> gateway.openTicket(newTicket(Set.of())));
        assertEquals(java.time.Duration.ofSeconds(7), busy.retryAfter());
        assertFalse(busy.mayHaveWritten(), "RT turned it away: nothing was written, no patience needed");
        rt.busyStatus = 503;
        rt.busyRetryAfter = null;
        assertEquals(java.time.Duration.ZERO, assertThrows(org.socialcarebridge.host.HostBusyException.class,
                () -> gateway.ticketState(1)).retryAfter());
        rt.busyStatus = 0;
        assertEquals(1001, gateway.openTicket(newTicket(Set.of())), "and when RT has room again, it is asked again");
    }

    @Test
    void aRetryAfterIsReadInSecondsOrAsADateAndBounded() {
        assertEquals(java.time.Duration.ofSeconds(30), RtSession.retryAfter(" 30 "));
        assertEquals(java.time.Duration.ZERO, RtSession.retryAfter(null));
        assertEquals(java.time.Duration.ZERO, RtSession.retryAfter("soon"));
        assertEquals(java.time.Duration.ZERO, RtSession.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "in the past");
        assertEquals(RtSession.LONGEST_PAUSE, RtSession.retryAfter("86400"), "a misconfigured proxy stops nothing for long");
        java.time.Duration dated = RtSession.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(120)));
        assertTrue(dated.compareTo(java.time.Duration.ZERO) > 0 && dated.compareTo(java.time.Duration.ofSeconds(120)) <= 0,
                dated.toString());
    }
}
