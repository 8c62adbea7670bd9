package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Instagram end to end (issue 16): the Meta simulator delivers signed {@code instagram} webhooks to the
 * assembled Karaf, whose Instagram channel files comments, @mentions (read by id, as the platform
 * requires) and direct messages in the real RT, and sends the agents' replies back by the platform's
 * rules: a public reply to the comment or the mention, the comment's one private reply within 7 days,
 * direct messages inside 24 hours and with HUMAN_AGENT up to 7 days, refusals explained on the ticket,
 * mark-as-seen, and hiding a comment from RT.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstagramIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("instagram").withInstagramAndWhatsApp();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static MetaSim meta;
    static Rt admin;
    static Rt agent;

    @BeforeAll
    static void start() throws Exception {
        meta = fixture.meta();
        RtAccounts accounts = RtAccounts.ofThisRun();
        admin = accounts.admin.login();
        agent = accounts.agent.login();
        fixture.karaf().awaitRunning(Duration.ofSeconds(60), "x", "instagram");
    }

    static long ticketFor(String conversation) {
        return Await.until("a ticket for " + conversation, SOON, () -> admin.ticketForConversation(conversation));
    }

    static JsonNode delivered(long ticket, String text, String startsWith) {
        return admin.replyDelivered(ticket, text, startsWith, SOON);
    }

    static void commented(long ticket, String what, String... parts) {
        admin.commentSaying(ticket, what, SOON, parts);
    }

    static JsonNode sent(String kind, String text) {
        return Await.until("the account sent an Instagram " + kind + " '" + text + "'", SOON, () -> meta.sent("instagram", kind)
                .stream().filter(s -> s.path("text").asText().contains(text)).findFirst());
    }

    static boolean onTicket(long ticket, String text) {
        return admin.history(ticket).stream().anyMatch(h -> admin.content(h.path("id").asLong()).contains(text));
    }

    @Test
    @Order(1)
    void aCommentIsATicketAnsweredPubliclyThenPrivatelyOnceOnly() {
        String user = "nora.k_" + RUN; // Instagram usernames may hold dots
        JsonNode c = meta.instagramComment(user, "My order 310 arrived broken " + RUN);
        String commentId = c.path("comment_id").asText();
        long ticket = ticketFor("instagram:" + c.path("media_id").asText() + ":" + c.path("from_id").asText());
        JsonNode t = admin.ticket(ticket);
        assertEquals("Instagram", Rt.field(t, "Social Network"));
        assertEquals("@" + user, Rt.field(t, "Social Handle"));
        assertEquals("https://www.instagram.com/" + user + "/", Rt.field(t, "Social Profile URL"));
        assertTrue(onTicket(ticket, "My order 310 arrived broken " + RUN));

        agent.reply(ticket, "So sorry, we will replace it " + RUN, "Public");
        delivered(ticket, "we will replace it " + RUN, "posted");
        JsonNode reply = sent("comment_reply", "we will replace it " + RUN);
        assertEquals(commentId, reply.path("in_reply_to").asText(), "a reply to the comment");
        assertTrue(reply.path("text").asText().startsWith("@" + user), "it starts with the author's @username: " + reply);

        agent.reply(ticket, "Which address should it go to? " + RUN, "Private");
        JsonNode privately = delivered(ticket, "Which address should it go to? " + RUN, "posted");
        assertEquals(commentId, sent("private_reply", "Which address should it go to? " + RUN).path("in_reply_to").asText(),
                "the comment's one private reply");
        assertTrue(Rt.field(privately, "Social Recipient").startsWith("instagram:" + c.path("from_id").asText()),
                Rt.field(privately, "Social Recipient"));

        Await.until("the ticket saying the private reply is used", SOON, () -> Optional.ofNullable(
                Rt.field(admin.ticket(ticket), "Social Reply Window")).filter(w -> w.startsWith("Private: closed now")));
        int before = meta.sent().size();
        agent.reply(ticket, "And a phone number? " + RUN, "Private");
        delivered(ticket, "And a phone number? " + RUN, "refused");
        commented(ticket, "a comment saying the private reply was used", "NOT delivered", "already answered privately",
                "Instagram allows once");
        assertEquals(before, meta.sent().size(), "nothing was sent");
    }

    @Test
    @Order(2)
    void aMentionIsReadByIdAndAnsweredWhereItWasWritten() {
        String user = "omar_" + RUN;
        JsonNode m = meta.instagramComment(user, "@acme my package is stuck in customs " + RUN, "media-of-" + user);
        String key = "instagram:mention:" + m.path("media_id").asText() + ":" + m.path("from_id").asText();
        long ticket = ticketFor(key);
        assertTrue(onTicket(ticket, "my package is stuck in customs " + RUN), "the mention's text, read by id, is on the ticket");
        assertEquals("@" + user, Rt.field(admin.ticket(ticket), "Social Handle"));

        agent.reply(ticket, "We are checking with customs " + RUN, "Public");
        delivered(ticket, "checking with customs " + RUN, "posted");
        JsonNode reply = sent("mention_reply", "checking with customs " + RUN);
        assertEquals(m.path("comment_id").asText(), reply.path("in_reply_to").asText(), "answers the mentioning comment");
    }

    @Test
    @Order(3)
    void aDirectMessageJoinsThePersonsTicketAndTheWindowDecidesTheTag() {
        String user = "pia_" + RUN;
        JsonNode c = meta.instagramComment(user, "Where is my refund? " + RUN);
        long ticket = ticketFor("instagram:" + c.path("media_id").asText() + ":" + c.path("from_id").asText());
        JsonNode dm = meta.instagramMessage(user, "It is order 44 " + RUN, Duration.ZERO);
        assertEquals(c.path("from_id").asText(), dm.path("igsid").asText(), "one person, one id");
        Await.until("the direct message on the comment's ticket", SOON, () -> onTicket(ticket, "It is order 44 " + RUN)
                ? Optional.of(true) : Optional.empty());
        String key = "instagram:" + c.path("media_id").asText() + ":" + c.path("from_id").asText();
        assertEquals(List.of(ticket), admin.ticketsForConversation(key), "one ticket for the person");

        agent.reply(ticket, "Refund sent today " + RUN, "Private");
        delivered(ticket, "Refund sent today " + RUN, "posted");
        JsonNode plain = sent("message", "Refund sent today " + RUN);
        assertEquals(dm.path("igsid").asText(), plain.path("to").asText());
        assertTrue(plain.path("tag").isNull() || plain.path("tag").asText().isEmpty(), "inside 24 hours: no tag " + plain);
        Await.until("the conversation marked as seen", SOON, () -> meta.instagramActions().stream()
                .filter(a -> dm.path("igsid").asText().equals(a.path("igsid").asText())).findFirst());

        // Rui wrote two days ago (delivered only now): a person's answer carries HUMAN_AGENT.
        JsonNode late = meta.instagramMessage("rui_" + RUN, "Is my parcel lost? " + RUN, Duration.ofDays(2));
        long rui = ticketFor("instagram:dm:" + late.path("mid").asText());
        assertEquals("@rui_" + RUN, Rt.field(admin.ticket(rui), "Social Handle"),
                "someone who only wrote privately, by @username (Instagram's User Profile API), not by id");
        agent.reply(rui, "Did it arrive? " + RUN, "Private");
        delivered(rui, "Did it arrive? " + RUN, "posted");
        assertEquals("HUMAN_AGENT", sent("message", "Did it arrive? " + RUN).path("tag").asText());

        // Sol wrote eight days ago: nothing may be sent, and the plugin says so before trying.
        JsonNode old = meta.instagramMessage("sol_" + RUN, "Hello? " + RUN, Duration.ofDays(8));
        long sol = ticketFor("instagram:dm:" + old.path("mid").asText());
        int before = meta.sent().size();
        agent.reply(sol, "Anything else? " + RUN, "Private");
        delivered(sol, "Anything else? " + RUN, "refused");
        commented(sol, "a comment explaining the window", "NOT delivered", "HUMAN_AGENT", "7 days");
        assertEquals(before, meta.sent().size(), "nothing was sent");
    }

    @Test
    @Order(4)
    void anAgentHidesTheCommentsFromRt() {
        JsonNode c = meta.instagramComment("quin_" + RUN, "You are all thieves " + RUN);
        long ticket = ticketFor("instagram:" + c.path("media_id").asText() + ":" + c.path("from_id").asText());
        ObjectNode fields = Rt.JSON.createObjectNode();
        fields.putObject("CustomFields").put("Social Moderation", "Hide comments");
        agent.send("PUT", "/ticket/" + ticket, fields);
        Await.until("the comment hidden on Instagram", SOON, () -> meta.node(c.path("comment_id").asText() + "?fields=id,hidden").path("hidden")
                .asBoolean() ? Optional.of(true) : Optional.empty());
        commented(ticket, "a comment naming the hidden comment", "Hidden on the network: " + c.path("comment_id").asText());
    }
}
