package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Facebook end to end (issue 15): the Meta simulator delivers signed, batched, duplicated and forged
 * webhooks to the assembled Karaf, whose Facebook channel files Page comments and Messenger messages
 * in the real RT and sends the agents' replies back by the platform's rules: a public reply to the
 * comment, the comment's one private reply within 7 days, Messenger inside 24 hours, HUMAN_AGENT up to
 * 7 days, refusals explained on the ticket, mark-as-read, hiding a comment from RT, and a subscription
 * Meta disabled raising an alert in RT until it is restored, the missed messages recovered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FacebookIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("facebook").withFacebook();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static MetaSim meta;
    static Karaf karaf;
    static RtAccounts accounts;
    static Rt admin;
    static Rt agent;

    @BeforeAll
    static void start() throws Exception {
        meta = fixture.meta();
        karaf = fixture.karaf();
        accounts = RtAccounts.ofThisRun();
        admin = accounts.admin.login();
        agent = accounts.agent.login();
        karaf.awaitRunning(Duration.ofSeconds(60), "x", "facebook");
    }

    static long ticketFor(String conversation) {
        return Await.until("a ticket for " + conversation, SOON, () -> admin.ticketForConversation(conversation));
    }

    static String conversation(MetaSim.Comment c) {
        return "facebook:" + c.postId() + ":" + c.fromId();
    }

    static JsonNode delivered(long ticket, String text, String startsWith) {
        return admin.replyDelivered(ticket, text, startsWith, SOON);
    }

    static void commented(long ticket, String what, String... parts) {
        admin.commentSaying(ticket, what, SOON, parts);
    }

    static JsonNode sent(String kind, String text) {
        return Await.until("the Page sent a " + kind + " '" + text + "'", SOON, () -> meta.sent(kind).stream()
                .filter(s -> s.path("text").asText().contains(text)).findFirst());
    }

    /** The Send API calls the simulator answered (messages, private replies, read receipts). */
    static long sendCalls() {
        return meta.requests().stream().filter(r -> "POST".equals(r.path("method").asText())
                && r.path("path").asText().endsWith("/messages")).count();
    }

    @Test
    @Order(1)
    void aCommentBecomesATicketAndIsAnsweredPubliclyThenPrivatelyOnceOnly() {
        MetaSim.Comment c = meta.comment("Fran " + RUN, "My order 77 never arrived " + RUN);
        long ticket = ticketFor(conversation(c));
        JsonNode t = admin.ticket(ticket);
        assertEquals("Facebook", Rt.field(t, "Social Network"));
        String first = admin.content(admin.history(ticket).get(0).path("id").asLong());
        assertTrue(first.contains("My order 77 never arrived " + RUN), first);
        assertTrue(first.contains("On the Page's post: \""), "the post it answers is quoted: " + first);

        agent.reply(ticket, "Sorry Fran, we are on it " + RUN, "Public");
        delivered(ticket, "we are on it " + RUN, "posted");
        JsonNode reply = sent("comment_reply", "we are on it " + RUN);
        assertEquals(c.commentId(), reply.path("in_reply_to").asText(), "a reply to the comment");

        agent.reply(ticket, "Fran, which address? " + RUN, "Private");
        JsonNode privately = delivered(ticket, "which address? " + RUN, "posted");
        JsonNode pr = sent("private_reply", "which address? " + RUN);
        assertEquals(c.commentId(), pr.path("in_reply_to").asText(), "the comment's private reply");
        assertEquals("facebook:" + c.fromId() + " @Fran " + RUN, Rt.field(privately, "Social Recipient"));

        Await.until("the ticket saying the private reply is used", SOON, () -> Optional.ofNullable(
                Rt.field(admin.ticket(ticket), "Social Reply Window")).filter(w -> w.startsWith("Private: closed now")));
        int before = meta.sent().size();
        agent.reply(ticket, "And your phone? " + RUN, "Private");
        delivered(ticket, "And your phone? " + RUN, "refused");
        commented(ticket, "a comment saying the private reply was used", "NOT delivered", "already answered privately",
                "Facebook allows once");
        assertEquals(before, meta.sent().size(), "nothing was sent");
    }

    @Test
    @Order(2)
    void messengerJoinsTheOpenTicketAndTheWindowDecidesTheTag() {
        String name = "Gus " + RUN;
        MetaSim.Comment c = meta.comment(name, "Where is my refund? " + RUN);
        long ticket = ticketFor(conversation(c));
        MetaSim.Message m = meta.message(name, "It is order 91 " + RUN);
        Await.until("the Messenger message on the comment's ticket", SOON, () -> admin.history(ticket).stream()
                .anyMatch(h -> admin.content(h.path("id").asLong()).contains("It is order 91 " + RUN)) ? Optional.of(true)
                : Optional.empty());
        assertEquals(List.of(ticket), admin.ticketsForConversation(conversation(c)), "one ticket for the person");

        Await.until("the ticket saying Messenger is open", SOON, () -> Optional.ofNullable(
                Rt.field(admin.ticket(ticket), "Social Reply Window")).filter(w -> w.startsWith("Private: open until")
                && w.contains("then with the HUMAN_AGENT tag until")));
        agent.reply(ticket, "Refund sent " + RUN, "Private");
        delivered(ticket, "Refund sent " + RUN, "posted");
        JsonNode plain = sent("message", "Refund sent " + RUN);
        assertEquals(m.psid(), plain.path("to").asText());
        assertTrue(plain.path("tag").isNull(), "inside 24 hours: no tag");
        Await.until("the conversation marked as read", SOON, () -> meta.actions().stream()
                .filter(a -> m.psid().equals(a.path("psid").asText()) && "MARK_SEEN".equals(a.path("sender_action").asText()))
                .findFirst());

        // Hana wrote two days ago (Meta delivers it only now): a person's answer carries HUMAN_AGENT.
        MetaSim.Message late = meta.message("Hana " + RUN, "Is my parcel lost? " + RUN, Duration.ofDays(2));
        long hana = ticketFor("facebook:dm:" + late.mid());
        assertEquals("Hana " + RUN, Rt.field(admin.ticket(hana), "Social Handle"), "the sender by name, not by id");
        agent.reply(hana, "Did it arrive? " + RUN, "Private");
        delivered(hana, "Did it arrive? " + RUN, "posted");
        assertEquals("HUMAN_AGENT", sent("message", "Did it arrive? " + RUN).path("tag").asText());

        // Ivo wrote eight days ago: nothing may be sent, and the plugin says so before trying.
        MetaSim.Message old = meta.message("Ivo " + RUN, "Hello? " + RUN, Duration.ofDays(8));
        long ivo = ticketFor("facebook:dm:" + old.mid());
        int before = meta.sent().size();
        long sends = sendCalls();
        agent.reply(ivo, "Anything else? " + RUN, "Private");
        delivered(ivo, "Anything else? " + RUN, "refused");
        commented(ivo, "a comment explaining the window", "NOT delivered", "HUMAN_AGENT", "7 days");
        assertEquals(before, meta.sent().size(), "nothing was sent");
        assertEquals(sends, sendCalls(), "not even tried on the network");
    }

    @Test
    @Order(6)
    void aCommentOlderThanSevenDaysIsNotAnsweredPrivatelyAndTheAgentReadsWhy() {
        MetaSim.Comment c = meta.comment("Kai " + RUN, "Still waiting for a callback " + RUN, Duration.ofDays(8));
        long ticket = ticketFor(conversation(c));
        agent.reply(ticket, "Kai, may we call you? " + RUN, "Private");
        delivered(ticket, "may we call you? " + RUN, "refused");
        commented(ticket, "a comment on the 7 days", "NOT delivered", "older than the 7 days");
        agent.reply(ticket, "Kai, please message us on Messenger " + RUN, "Public");
        delivered(ticket, "please message us on Messenger " + RUN, "posted");
        assertEquals(c.commentId(), sent("comment_reply", "please message us on Messenger " + RUN).path("in_reply_to").asText());
    }

    @Test
    @Order(3)
    void aBatchOfFiftyEntriesWithDuplicatesAndForgeriesIsFiledOnceEach() {
        meta.webhookFault("batch", 50);
        meta.webhookFault("duplicate", 5);
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            conversations.add(conversation(meta.comment("Batch" + i + " " + RUN, "Batch comment " + i + " " + RUN)));
        }
        Set<Long> tickets = new HashSet<>();
        for (String key : conversations) {
            tickets.add(ticketFor(key));
        }
        assertEquals(50, tickets.size());
        for (String key : conversations) {
            assertEquals(1, admin.ticketsForConversation(key).size(), key + " is on exactly one ticket");
        }

        JsonNode before = karaf.health().path("webhook:meta");
        meta.webhookFault("forge", 1);
        MetaSim.Comment forged = meta.comment("Hal " + RUN, "Signed wrongly first " + RUN);
        Await.until("the forged delivery refused", SOON, () -> meta.webhooks().stream()
                .filter(w -> w.path("http_status").asInt() == 401 || w.path("http_status").asInt() == 403).findFirst());
        long ticket = ticketFor(conversation(forged)); // Meta retries with the right signature
        assertEquals(1, admin.ticketsForConversation(conversation(forged)).size());
        JsonNode after = karaf.health().path("webhook:meta");
        assertTrue(after.toString().length() > 0 && !after.equals(before), "the refusal is counted: " + after);
        assertTrue(ticket > 0);
    }

    @Test
    @Order(4)
    void anAgentHidesTheCommentsFromRt() {
        MetaSim.Comment c = meta.comment("Ida " + RUN, "You are all useless " + RUN);
        long ticket = ticketFor(conversation(c));
        ObjectNode fields = Rt.JSON.createObjectNode();
        fields.putObject("CustomFields").put("Social Moderation", "Hide comments");
        agent.send("PUT", "/ticket/" + ticket, fields);
        Await.until("the comment hidden on the Page", SOON, () -> meta.node(c.commentId()).path("is_hidden").asBoolean()
                ? Optional.of(true) : Optional.empty());
        commented(ticket, "a comment naming the hidden comment", "Hidden on the network: " + c.commentId());
        Await.until("the request cleared", SOON, () -> Rt.field(admin.ticket(ticket), "Social Moderation") == null
                ? Optional.of(true) : Optional.empty());
        assertNull(Rt.field(admin.ticket(ticket), "Social Moderation"));
    }

    @Test
    @Order(5)
    void aDisabledSubscriptionRaisesAnAlertAndWhatWasMissedIsRecoveredWhenItIsBack() {
        long newest = admin.tickets("id > 0").stream().mapToLong(Long::longValue).max().orElse(0);
        meta.unsubscribe();
        int logged = meta.webhooks().size();
        MetaSim.Comment missed = meta.comment("Jo " + RUN, "Nobody answers here " + RUN);
        String query = "Queue = 'Social Ops' AND id > " + newest;
        long alert = Await.until("an alert in Social Ops", Duration.ofSeconds(60), () -> admin.tickets(query).stream()
                .filter(id -> admin.ticket(id).path("Subject").asText().contains("facebook")).findFirst());
        String text = admin.content(admin.history(alert).get(0).path("id").asLong());
        assertTrue(text.contains("subscribed_apps"), "says how to re-subscribe: " + text);
        assertTrue(meta.webhooks().stream().skip(logged).noneMatch(w -> w.has("delivery_id")),
                "Meta delivered nothing while unsubscribed: the comment can come only from the recovery");

        meta.subscribe("feed", "messages");
        long ticket = Await.until("the missed comment recovered", Duration.ofSeconds(60),
                () -> admin.ticketForConversation(conversation(missed)));
        assertEquals(1, admin.ticketsForConversation(conversation(missed)).size());
        Await.until("the alert resolved", Duration.ofSeconds(60), () -> "resolved".equals(admin.ticket(alert).path("Status")
                .asText()) ? Optional.of(true) : Optional.empty());
        assertTrue(ticket > 0);
    }
}
