package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Who may speak for the brand, and to whom, tried as an attacker or a mistaken user would, against the
 * real RT, the assembled Karaf and both simulators: an RT user outside the agent groups replying on a
 * social ticket, a reply written after a lead's approval, a stranger who joins a customer's thread and
 * then writes privately, and extra @handles in a Mastodon private reply.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplySecurityIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("replysec").withMastodon();
    static final String TOKEN = fixture.xToken();
    static final String M_TOKEN = fixture.mastodonToken();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static XSimulator simulator;
    static MastodonSimulator mastodonSimulator;
    static XSim x;
    static MastodonSim mastodon;
    static Karaf karaf;
    static RtAccounts accounts;
    static Rt admin;
    static Rt agent;
    static Rt lead;

    @BeforeAll
    static void start() throws Exception {
        simulator = fixture.xSimulator();
        mastodonSimulator = fixture.mastodonSimulator();
        x = fixture.x();
        mastodon = fixture.mastodon();
        karaf = fixture.karaf();
        accounts = RtAccounts.ofThisRun();
        admin = accounts.admin.login();
        agent = accounts.agent.login();
        lead = accounts.lead.login();
        karaf.awaitRunning(Duration.ofSeconds(60), "x", "mastodon");
    }

    static long ticketFor(String key) {
        return Await.until("a ticket for " + key, SOON, () -> admin.ticketForConversation(key));
    }

    /** The Correspond transaction holding this text, once the plugin has written its delivery on it. */
    static JsonNode delivered(long ticket, String text, String startsWith) {
        return Await.until("Social Delivery '" + startsWith + "…' on the reply '" + text + "'", SOON, () -> admin.history(ticket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()))
                .filter(h -> Rt.field(h, "Social Delivery") != null && Rt.field(h, "Social Delivery").startsWith(startsWith))
                .filter(h -> admin.content(h.path("id").asLong()).contains(text)).findFirst());
    }

    static boolean commented(long ticket, String... parts) {
        return admin.history(ticket).stream().filter(h -> "Comment".equals(h.path("Type").asText()))
                .map(h -> admin.content(h.path("id").asLong()))
                .anyMatch(text -> List.of(parts).stream().allMatch(text::contains));
    }


    /** Direct messages the brand sent to this account id. */
    static List<JsonNode> dmsTo(String accountId) {
        String brand = x.userId("acme");
        return x.dmEvents().stream().filter(e -> brand.equals(e.path("sender_id").asText()))
                .filter(e -> e.path("participant_ids").toString().contains("\"" + accountId + "\"")).toList();
    }

    @Test
    @Order(1)
    void aReplyByAnRtUserOutsideTheAgentGroupsStaysInRt() throws Exception {
        String handle = "olga_" + RUN;
        x.customer(handle, "Olga O", 15, false);
        String id = x.tweet(handle, "@acme my meter reading looks wrong " + RUN, null);
        long ticket = ticketFor("x:" + id);

        // RT's administrator (a superuser, but in neither agent group) answers on the ticket: it must stay in RT.
        admin.reply(ticket, "Admin here, not an agent " + RUN, "Public");
        Await.until("a comment saying why it was not posted", SOON, () ->
                commented(ticket, "NOT delivered", accounts.admin.name() + " is not a member of Social Agents or Social Team Leads") ? Optional.of(true) : Optional.empty());
        // An agent's reply right after it is posted, so the plugin was reading this ticket all along.
        agent.reply(ticket, "Agent here, we are checking the reading " + RUN, "Public");
        delivered(ticket, "checking the reading " + RUN, "posted");
        assertEquals(1, x.brandRepliesTo(id), "only the agent's reply reached the network");
        assertTrue(x.tweets().stream().noneMatch(t -> t.path("text").asText().contains("not an agent " + RUN)),
                "the administrator's words never reached the network");
    }

    @Test
    @Order(2)
    void anApprovalReleasesOnlyRepliesWrittenBeforeIt() throws Exception {
        String handle = "pia_" + RUN;
        x.customer(handle, "Pia P", 80, false);
        String id = x.tweet(handle, "@acme your charger set my desk on fire, my lawyer will hear of this " + RUN, null);
        long ticket = ticketFor("x:" + id);
        assertEquals("Yes", Rt.field(admin.ticket(ticket), "Social Approval Required"), "triage: legal and PR");
        agent.reply(ticket, "We are very sorry, we are on it " + RUN, "Public");
        delivered(ticket, "we are on it " + RUN, "held for approval");

        // While the plugin is down, the lead approves and then the agent writes again: one RT history, in order.
        karaf.stop();
        lead.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().set("CustomFields",
                Rt.JSON.createObjectNode().put("Social Approval", "Approve")));
        agent.reply(ticket, "Written after the approval " + RUN, "Public");
        karaf.start();

        delivered(ticket, "we are on it " + RUN, "posted");
        delivered(ticket, "Written after the approval " + RUN, "held for approval");
        Thread.sleep(3000); // time enough for a wrong post of the second reply
        assertEquals(1, x.brandRepliesTo(id), "the approval covered the reply written before it, not the one after");
        assertTrue(x.tweets().stream().noneMatch(t -> t.path("text").asText().contains("Written after the approval " + RUN)));
    }

    @Test
    @Order(3)
    void aStrangerWhoJoinsTheThreadAndWritesPrivatelyNeverReceivesTheCustomersPrivateReply() throws Exception {
        String customer = "cara_" + RUN;
        String stranger = "sid_" + RUN;
        x.customer(customer, "Cara C", 40, false);
        x.customer(stranger, "Sid S", 3, false);
        String first = x.tweet(customer, "@acme my account was locked after a password reset " + RUN, null);
        long ticket = ticketFor("x:" + first);
        String answer = x.tweet(stranger, "@acme @" + customer + " same thing happened to me " + RUN, first);
        String brand = x.userId("acme");
        x.dm(stranger, brand, "hi, it's me from that thread " + RUN);
        Await.until("the stranger's public answer and DM on the customer's ticket", SOON, () -> {
            List<JsonNode> history = admin.history(ticket);
            boolean publicOne = history.stream().anyMatch(h -> answer.equals(Rt.field(h, "Social Post ID")));
            boolean privateOne = history.stream().filter(h -> "Correspond".equals(h.path("Type").asText()) || "Create".equals(h.path("Type").asText()))
                    .anyMatch(h -> admin.content(h.path("id").asLong()).contains("it's me from that thread " + RUN));
            return publicOne && privateOne ? Optional.of(true) : Optional.empty();
        });

        agent.reply(ticket, "Cara, your account is unlocked; your recovery e-mail is c***@example.com " + RUN, "Private");
        JsonNode reply = delivered(ticket, "unlocked; your recovery" , "posted");
        String customerId = x.userId(customer);
        String strangerId = x.userId(stranger);
        assertEquals("x:" + customerId + " @" + customer, Rt.field(reply, "Social Recipient"), "the transaction records who received it");
        assertEquals(1, dmsTo(customerId).size(), "the customer received the private reply");
        assertTrue(dmsTo(strangerId).isEmpty(), "the stranger received nothing");

        // The agent may choose another participant on purpose; a name from outside the conversation is refused.
        ObjectNode toNobody = Rt.JSON.createObjectNode().put("Content", "For someone else " + RUN).put("ContentType", "text/plain");
        toNobody.putObject("TxnCustomFields").put("Reply Visibility", "Private").put("Social Reply To", "@nobody_" + RUN);
        agent.send("POST", "/ticket/" + ticket + "/correspond", toNobody);
        JsonNode refused = delivered(ticket, "For someone else " + RUN, "refused");
        assertTrue(Rt.field(refused, "Social Delivery").contains("@nobody_" + RUN), Rt.field(refused, "Social Delivery"));
        assertNull(Rt.field(refused, "Social Recipient"));
        assertTrue(dmsTo(strangerId).isEmpty());
    }

    @Test
    @Order(4)
    void extraHandlesInAMastodonPrivateReplyAreRefusedBeforeAnythingIsPosted() throws Exception {
        String acct = "carol_" + RUN;
        String other = "dan_" + RUN;
        mastodon.customer(acct, "Carol C", 20);
        mastodon.customer(other, "Dan D", 5);
        String id = mastodon.post(acct, "@acme my order number 88 is missing an item " + RUN, "public", null);
        long ticket = ticketFor("mastodon:" + id);
        int before = mastodon.statuses().size();

        agent.reply(ticket, "Please ask @" + other + " to call us about it " + RUN, "Private");
        JsonNode refused = delivered(ticket, "to call us about it " + RUN, "refused");
        assertTrue(Rt.field(refused, "Social Delivery").contains("@" + other), Rt.field(refused, "Social Delivery"));
        assertNull(Rt.field(refused, "Social Post ID"));
        // The comment follows the delivery field on its own request.
        Await.until("a comment naming the @handle to remove", SOON, () ->
                commented(ticket, "NOT delivered", "@" + other) ? Optional.of(true) : Optional.empty());

        agent.reply(ticket, "Move this one too, @" + other + " " + RUN, "Move to private");
        delivered(ticket, "Move this one too, @", "refused");
        assertEquals(before, mastodon.statuses().size(), "nothing was posted, not even the public acknowledgement");

        // Without the extra handle the same reply goes, as a direct status mentioning the customer alone.
        agent.reply(ticket, "Please write to help@acme.example about it " + RUN, "Private");
        JsonNode posted = delivered(ticket, "help@acme.example about it " + RUN, "posted");
        JsonNode status = Await.until("the direct status", SOON, () -> mastodon.statuses().stream()
                .filter(s -> s.path("text").asText().contains("help@acme.example about it " + RUN)).findFirst());
        assertEquals("direct", status.path("visibility").asText());
        assertEquals("[\"" + acct + "\"]", status.path("mentions").toString());
        assertEquals("mastodon:" + mastodon.accountId(acct) + " @" + acct, Rt.field(posted, "Social Recipient"));
    }
}
