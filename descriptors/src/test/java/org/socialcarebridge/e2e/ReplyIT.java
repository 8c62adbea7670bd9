package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Replying safely, end to end against the real RT, the assembled Karaf and the X simulator: a reply on
 * a ticket triage marked for approval waits for a team lead, is posted once when approved, and is never
 * posted when rejected, the agent reading the lead's note on the ticket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplyIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("reply");
    static final String TOKEN = fixture.xToken();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static XSimulator simulator;
    static XSim x;
    static Karaf karaf;
    static Rt root;
    static Rt agent;
    static Rt lead;

    @BeforeAll
    static void start() throws Exception {
        simulator = fixture.xSimulator();
        x = fixture.x();
        karaf = fixture.karaf();
        RtAccounts accounts = RtAccounts.ofThisRun();
        root = accounts.admin.login();
        agent = accounts.agent.login();
        lead = accounts.lead.login();
    }

    static long ticketFor(String tweetId) {
        return Await.until("a ticket for tweet " + tweetId, SOON, () -> root.ticketForConversation("x:" + tweetId));
    }

    static JsonNode replyTransaction(long ticket, String text) {
        return Await.until("the reply's transaction", SOON, () -> root.history(ticket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()) && Rt.field(h, "Social Delivery") != null)
                .filter(h -> root.content(h.path("id").asLong()).contains(text)).findFirst());
    }

    static JsonNode delivery(long ticket, String text, String startsWith) {
        return Await.until("Social Delivery '" + startsWith + "…'", SOON, () -> {
            JsonNode t = replyTransaction(ticket, text);
            return Rt.field(t, "Social Delivery").startsWith(startsWith) ? Optional.of(t) : Optional.empty();
        });
    }


    /** What RT's Reply form holds when an agent opens it: the page, and the collision marker it carries. */
    record ReplyForm(String url, String seen) {
    }

    static ReplyForm openReplyForm(Rt who, long ticket) throws Exception {
        String url = Rt.URL + "/Ticket/Update.html?Action=Respond&id=" + ticket;
        String page = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", who.cookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"SocialCareSeen\" value=\"(\\d+)\"").matcher(page);
        assertTrue(m.find(), "the RT extension puts the collision marker on the Reply form");
        return new ReplyForm(url, m.group(1));
    }

    /** Submits RT's Reply form as a browser would (form fields, Referer). */
    static void submit(Rt who, ReplyForm form, long ticket, String text, String visibility) throws Exception {
        long cf = root.send("POST", "/customfields", Rt.JSON.createArrayNode().add(Rt.JSON.createObjectNode()
                .put("field", "Name").put("value", "Reply Visibility"))).path("items").get(0).path("id").asLong();
        String field = "Object-RT::Transaction--CustomField-" + cf + "-Values";
        String body = String.join("&", "id=" + ticket, "Action=Respond", "UpdateType=response", "UpdateContentType=text/plain",
                "UpdateContent=" + Rt.enc(text), Rt.enc(field) + "=" + Rt.enc(visibility), Rt.enc(field + "-Magic") + "=1",
                "SocialCareSeen=" + form.seen(), "SubmitTicket=" + Rt.enc("Update Ticket"));
        var r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Rt.URL + "/Ticket/Update.html"))
                .header("Cookie", who.cookie()).header("Referer", form.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 400, "RT took the reply: " + r.statusCode());
    }

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** The Reply Visibility values RT's Reply form offers the agent on this ticket. */
    static java.util.List<String> offeredChoices(Rt who, long ticket) throws Exception {
        String url = Rt.URL + "/Ticket/Update.html?Action=Respond&id=" + ticket;
        String page = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", who.cookie())
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("Reply Visibility"), "the Reply form shows the field");
        return java.util.stream.Stream.of("Public", "Private", "Move to private")
                .filter(v -> page.contains("value=\"" + v + "\"")).toList();
    }

    @Test
    @Order(4)
    void theReplyFormOffersWhatTheTicketsChannelDeclares() throws Exception {
        String handle = "zoe_" + RUN;
        x.customer(handle, "Zoe Z", 12, false);
        long ticket = ticketFor(x.tweet(handle, "@acme which reply choices do I get? " + RUN, null));
        assertEquals("Public, Private, Move to private", Rt.field(root.ticket(ticket), "Social Reply Choices"),
                "X declares all three; the plugin writes them when it files the ticket");
        assertEquals(java.util.List.of("Public", "Private", "Move to private"), offeredChoices(agent, ticket));

        // A network that declares two (e.g. comments with one private reply): the form offers only those.
        root.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().set("CustomFields",
                Rt.JSON.createObjectNode().put("Social Reply Choices", "Public, Private")));
        assertEquals("Public, Private", Rt.field(root.ticket(ticket), "Social Reply Choices"));
        assertEquals(java.util.List.of("Public", "Private"), offeredChoices(agent, ticket));
    }

    @Test
    @Order(3)
    void aReplyOnRtsOwnFormOvertakenByTheCustomerIsHeldAndAFreshOneIsPostedOnce() throws Exception {
        String handle = "yuki_" + RUN;
        x.customer(handle, "Yuki Y", 44, false);
        String first = x.tweet(handle, "@acme my order hasn't arrived " + RUN, null);
        long ticket = ticketFor(first);

        ReplyForm form = openReplyForm(agent, ticket);
        // While the agent types, the customer writes again.
        String again = x.tweet(handle, "@acme never mind, it just arrived! " + RUN, first);
        Await.until("the customer's new message on the ticket", SOON, () -> root.history(ticket).stream()
                .filter(h -> again.equals(Rt.field(h, "Social Post ID"))).findFirst());
        submit(agent, form, ticket, "So sorry, we are chasing the courier now " + RUN, "Public");

        JsonNode held = delivery(ticket, "chasing the courier now " + RUN, "held for collision");
        assertTrue(Rt.field(held, "Social Delivery").contains("the customer wrote again"), Rt.field(held, "Social Delivery"));
        Thread.sleep(2000);
        assertEquals(0, x.brandRepliesTo(first) + x.brandRepliesTo(again), "no stale answer reached the network");

        // Having read it, the agent answers on a fresh form: posted once, answering the latest message.
        submit(agent, openReplyForm(agent, ticket), ticket, "Great news, enjoy it! " + RUN, "Public");
        delivery(ticket, "enjoy it! " + RUN, "posted");
        assertEquals(1, x.brandRepliesTo(again));
        assertEquals(0, x.brandRepliesTo(first));
    }

    @Test
    @Order(2)
    void aCardNumberInAPublicReplyIsBlockedNothingReachesTheNetworkAndItMayGoPrivately() {
        String handle = "walt_" + RUN;
        x.customer(handle, "Walt W", 20, false);
        String id = x.tweet(handle, "@acme I was charged twice for my order " + RUN, null);
        long ticket = ticketFor(id);

        agent.reply(ticket, "Refunded to your card 4111 1111 1111 1111, sorry " + RUN, "Public");
        JsonNode blocked = delivery(ticket, "sorry " + RUN, "blocked by guard");
        assertTrue(Rt.field(blocked, "Social Delivery").contains("card number"), Rt.field(blocked, "Social Delivery"));
        assertTrue(!Rt.field(blocked, "Social Delivery").contains("4111 1111 1111 1111"), "the number is not repeated");
        assertEquals(0, x.brandRepliesTo(id));
        assertTrue(x.dmEvents().stream().noneMatch(e -> e.path("text").asText().contains("4111")), "nothing anywhere");
        // The comment follows the delivery field in the same write-back, a moment later.
        root.commentSaying(ticket, "the agent is told what to do", SOON, "Send it again as Private");

        agent.reply(ticket, "Refunded to your card ending 1111, sorry " + RUN + "!", "Private");
        Await.until("the private resend", SOON, () -> x.dmEvents().stream()
                .filter(e -> e.path("text").asText().equals("Refunded to your card ending 1111, sorry " + RUN + "!")).findFirst());
    }

    @Test
    @Order(1)
    void aHeldReplyIsPostedOnceWhenALeadApprovesAndNeverWhenRejected() throws Exception {
        String handle = "vera_" + RUN;
        x.customer(handle, "Vera V", 300, false);
        String id = x.tweet(handle, "@acme your heater caught fire in my flat, I am calling my lawyer " + RUN, null);
        long ticket = ticketFor(id);
        assertEquals("Yes", Rt.field(root.ticket(ticket), "Social Approval Required"), "triage: legal and PR");

        agent.reply(ticket, "We are so sorry, we are looking into it now " + RUN, "Public");
        delivery(ticket, "looking into it now " + RUN, "held for approval");
        Thread.sleep(3000); // ample time for a wrong post
        assertEquals(0, x.brandRepliesTo(id), "nothing is posted without its approval");
        assertTrue(root.history(ticket).stream().anyMatch(h -> "Comment".equals(h.path("Type").asText())
                && root.content(h.path("id").asLong()).contains("held until a supervisor approves it")), "the agent is told");

        // An agent may not approve; a team lead may.
        try {
            agent.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().set("CustomFields",
                    Rt.JSON.createObjectNode().put("Social Approval", "Approve")));
        } catch (IllegalStateException refused) {
            // RT refused outright; either way nothing may be posted
        }
        Thread.sleep(3000);
        assertEquals(0, x.brandRepliesTo(id), "an agent cannot approve their own reply");
        lead.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().set("CustomFields",
                Rt.JSON.createObjectNode().put("Social Approval", "Approve")));
        delivery(ticket, "looking into it now " + RUN, "posted");
        assertEquals(1, x.brandRepliesTo(id), "posted exactly once");
        Await.until("Social Approval cleared for the next held reply", SOON, () ->
                Rt.field(root.ticket(ticket), "Social Approval") == null ? Optional.of(true) : Optional.empty());

        // The next reply is held again; the lead rejects it with a note.
        agent.reply(ticket, "Our insurer will call you " + RUN, "Public");
        delivery(ticket, "insurer will call you " + RUN, "held for approval");
        lead.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().set("CustomFields", Rt.JSON.createObjectNode()
                .put("Social Approval Note", "No insurer talk in public; offer a call by DM").put("Social Approval", "Reject")));
        JsonNode rejected = delivery(ticket, "insurer will call you " + RUN, "refused");
        assertEquals("refused: rejected by " + RtAccounts.ofThisRun().lead.name() + ": No insurer talk in public; offer a call by DM", Rt.field(rejected, "Social Delivery"));
        Thread.sleep(2000);
        assertEquals(1, x.brandRepliesTo(id), "the rejected reply never reached the network");
        assertNull(Rt.field(root.ticket(ticket), "Social Approval"));
    }
}
