package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * One customer conversation, one ticket, across both networks: Mastodon mentions and direct posts,
 * unseen threads, echoes of the brand's own replies, and identity links made by an administrator
 * (REST and the Karaf shell). Real RT, the assembled Karaf as a process, both simulators over HTTP.
 */
class ConversationIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("conversation").withMastodon().withAdminToken();
    static final String X_TOKEN = fixture.xToken();
    static final String M_TOKEN = fixture.mastodonToken();
    static final String ADMIN_TOKEN = fixture.adminToken();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static XSimulator xSimulator;
    static MastodonSimulator mastodonSimulator;
    static XSim x;
    static MastodonSim mastodon;
    static Karaf karaf;
    static Rt agent;
    static Rt root;

    @BeforeAll
    static void start() throws Exception {
        xSimulator = fixture.xSimulator();
        mastodonSimulator = fixture.mastodonSimulator();
        x = fixture.x();
        mastodon = fixture.mastodon();
        karaf = fixture.karaf();
        agent = RtAccounts.ofThisRun().agent.login();
        root = RtAccounts.ofThisRun().admin.login();
        karaf.awaitRunning(SOON, "mastodon", "x");
    }


    static long ticketFor(String conversationKey) {
        return Await.until("a ticket for " + conversationKey, SOON, () -> root.ticketForConversation(conversationKey));
    }

    static JsonNode onTicket(long ticket, String postId) {
        return Await.until("message " + postId + " on ticket " + ticket, SOON, () -> root.history(ticket).stream()
                .filter(h -> postId.equals(Rt.field(h, "Social Post ID"))).findFirst());
    }

    static JsonNode brandStatus(java.util.function.Predicate<JsonNode> which) {
        return Await.until("the brand's status", SOON, () -> mastodon.statuses().stream()
                .filter(s -> "acme".equals(s.path("acct").asText())).filter(which).findFirst());
    }

    static List<String> messages(long ticket) {
        List<String> texts = new ArrayList<>();
        for (JsonNode h : root.history(ticket)) {
            if ("Create".equals(h.path("Type").asText()) || "Correspond".equals(h.path("Type").asText())) {
                texts.add(root.content(h.path("id").asLong()));
            }
        }
        return texts;
    }

    @Test
    void mastodonMentionBecomesATicketAnsweredPublicAndPrivateWithoutEchoes() {
        String acct = "mara_" + RUN;
        mastodon.customer(acct, "Mara M", 77);
        String id = mastodon.post(acct, "@acme my parcel is lost <b>" + RUN + "</b>", "public", null);
        long ticket = ticketFor("mastodon:" + id);
        JsonNode t = root.ticket(ticket);
        assertEquals("Mastodon", Rt.field(t, "Social Network"));
        assertEquals("@" + acct, Rt.field(t, "Social Handle"));
        assertEquals("77", Rt.field(t, "Social Followers"));
        JsonNode requestor = root.get("/user/" + t.path("Requestor").get(0).path("id").asText());
        assertEquals("mastodon:" + mastodon.accountId(acct), requestor.path("Name").asText());
        assertTrue(messages(ticket).get(0).contains("my parcel is lost <b>" + RUN + "</b>"),
                "the customer's text as written, HTML tags of the status gone: " + messages(ticket).get(0));

        agent.reply(ticket, "Sorry! Checking with the courier " + RUN, "Public");
        JsonNode reply = brandStatus(s -> id.equals(s.path("in_reply_to_id").asText()));
        assertEquals("public", reply.path("visibility").asText());
        assertTrue(reply.path("text").asText().startsWith("@" + acct + " Sorry! Checking"), reply.toString());
        assertTrue(reply.path("idempotency_key").asText().startsWith("socialcare-reply-"), reply.toString());

        agent.reply(ticket, "Please send your order number " + RUN, "Private");
        JsonNode dm = brandStatus(s -> s.path("text").asText().contains("Please send your order number " + RUN));
        assertEquals("direct", dm.path("visibility").asText());
        assertTrue(dm.path("text").asText().startsWith("@" + acct + " "), "a Mastodon DM mentions its recipient: " + dm);

        // The customer answers the brand's public reply: it joins the ticket; the brand's own status is never filed.
        String thanks = mastodon.post(acct, "@acme thanks " + RUN, "public", reply.path("id").asText());
        onTicket(ticket, thanks);
        assertEquals(1, messages(ticket).stream().filter(m -> m.contains("Checking with the courier")).count(),
                "only the agent's reply carries that text; the echo was recognised by the id returned when posting");
        assertTrue(root.ticketsForConversation("mastodon:" + reply.path("id").asText()).isEmpty());
    }

    /** Triage privately, resolve publicly: one public acknowledgement in the thread, the agent's text as a DM. */
    @Test
    void moveToPrivateAcknowledgesInTheThreadAndSendsTheTextAsADirectMessageOnBothNetworks() {
        String handle = "nina_" + RUN;
        x.customer(handle, "Nina N", 12, false);
        String tweet = x.tweet(handle, "@acme my bill is wrong again " + RUN, null);
        long xTicket = ticketFor("x:" + tweet);
        agent.reply(xTicket, "Could you send me your account number? " + RUN, "Move to private");

        JsonNode ack = Await.until("the public acknowledgement on X", SOON, () -> x.tweets().stream()
                .filter(t -> XSim.repliesTo(t, tweet)).findFirst());
        assertEquals("@" + handle + " We want to fix this. We've sent you a DM.", ack.path("text").asText());
        String ninaId = x.userId(handle);
        JsonNode dm = Await.until("the DM on X", SOON, () -> x.dmEvents().stream()
                .filter(e -> e.path("text").asText().equals("Could you send me your account number? " + RUN))
                .filter(e -> e.toString().contains(ninaId)).findFirst());
        assertFalse(x.tweets().stream().anyMatch(t -> t.path("text").asText().contains("account number? " + RUN)),
                "the agent's text is never public");
        JsonNode txn = Await.until("both posts written back on RT", SOON, () -> root.history(xTicket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()) && Rt.field(h, "Social Post ID") != null
                        && Rt.field(h, "Social Post ID").contains(" ")).findFirst());
        assertEquals(ack.path("id").asText() + " " + dm.path("id").asText(), Rt.field(txn, "Social Post ID"));
        assertTrue(Rt.field(txn, "Social Delivery").startsWith("posted "), Rt.field(txn, "Social Delivery"));

        String acct = "omar_" + RUN;
        mastodon.customer(acct, "Omar O", 40);
        String status = mastodon.post(acct, "@acme my router keeps rebooting " + RUN, "public", null);
        long mTicket = ticketFor("mastodon:" + status);
        agent.reply(mTicket, "Can you DM us the serial number? " + RUN, "Move to private");
        JsonNode mAck = brandStatus(st -> status.equals(st.path("in_reply_to_id").asText()));
        assertEquals("public", mAck.path("visibility").asText());
        assertTrue(mAck.path("text").asText().startsWith("@" + acct + " We want to fix this."), mAck.toString());
        JsonNode mDm = brandStatus(st -> st.path("text").asText().contains("serial number? " + RUN));
        assertEquals("direct", mDm.path("visibility").asText());
        assertTrue(mDm.path("text").asText().startsWith("@" + acct + " "), mDm.toString());
        assertTrue(!mAck.path("idempotency_key").asText().equals(mDm.path("idempotency_key").asText())
                && mDm.path("idempotency_key").asText().endsWith("-2"), "each post has its own idempotency key");
    }

    @Test
    void mixedPublicAndPrivateConversationWithAnUnknownAndADeletedParent() {
        String olga = "olga_" + RUN;
        String pete = "pete_" + RUN;
        String root1 = mastodon.post(olga, "my router died again " + RUN, "public", null);
        String mention = mastodon.post(pete, "@acme @" + olga + " same here " + RUN, "public", root1);
        long ticket = ticketFor("mastodon:" + root1);
        onTicket(ticket, mention);
        List<String> order = messages(ticket);
        assertTrue(order.get(0).contains("my router died again") && order.get(0).contains("(@" + olga + ")"), order.toString());
        assertTrue(order.get(1).contains("same here") && order.get(1).contains("(@" + pete + ")"), "each author recorded: " + order);

        // Pete writes privately: the same ticket, marked private, and answered privately by default.
        String dm = mastodon.post(pete, "@acme my account is 4411-" + RUN, "direct", null);
        JsonNode joined = onTicket(ticket, dm);
        assertEquals("Private", Rt.field(joined, "Reply Visibility"));
        assertTrue(root.content(joined.path("id").asLong()).startsWith("[Private: direct message]"));
        agent.reply(ticket, "Thanks, an engineer is booked " + RUN, null);
        JsonNode answer = brandStatus(s -> s.path("text").asText().contains("an engineer is booked " + RUN));
        assertEquals("direct", answer.path("visibility").asText(), "the last customer message was private");

        // A public answer in that thread addresses the person answered first, then everyone else who wrote there.
        agent.reply(ticket, "An engineer is looking at the whole street " + RUN, "Public");
        JsonNode toAll = brandStatus(s -> s.path("text").asText().contains("looking at the whole street " + RUN));
        assertTrue(toAll.path("text").asText().startsWith("@" + pete + " @" + olga + " "), toAll.toString());
        assertEquals(mention, toAll.path("in_reply_to_id").asText(), "it answers the latest public message");

        // A thread whose first post was deleted: the rest is filed and the gap noted.
        String gone = mastodon.post("sam_" + RUN, "first words " + RUN, "public", null);
        String middle = mastodon.post("sam_" + RUN, "more words " + RUN, "public", gone);
        mastodon.delete("sam_" + RUN, gone);
        String last = mastodon.post("tom_" + RUN, "@acme what happened here " + RUN, "public", middle);
        long gap = ticketFor("mastodon:" + middle);
        onTicket(gap, last);
        assertTrue(messages(gap).get(0).contains("which could not be read"), messages(gap).toString());
    }

    @Test
    void administratorLinksIdentitiesAcrossNetworksAndToAnEmailCustomer() throws Exception {
        String xena = "xena_" + RUN;
        String first = x.tweet(xena, "@acme my order " + RUN, null);
        long xTicket = ticketFor("x:" + first);
        long xCustomer = root.ticket(xTicket).path("Requestor").get(0).path("id").asLong();

        String xenaM = "xenam_" + RUN;
        String mastodonId = mastodon.accountId(xenaM);
        HttpClient http = HttpClient.newHttpClient();
        String link = "http://127.0.0.1:8181/socialcare/customers/links/mastodon:" + mastodonId;
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(link))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"to\":\"x:" + x.userId(xena) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> linked = http.send(HttpRequest.newBuilder(URI.create(link))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"to\":\"x:" + x.userId(xena) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, linked.statusCode(), linked.body());

        String status = mastodon.post(xenaM, "@acme still no order " + RUN, "public", null);
        long mTicket = ticketFor("mastodon:" + status);
        assertEquals(xCustomer, root.ticket(mTicket).path("Requestor").get(0).path("id").asLong(),
                "one RT user for the person on both networks");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(Rt.URL + "/Ticket/Display.html?id=" + mTicket))
                .header("Cookie", agent.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("Previous social tickets") && page.body().contains("Display.html?id=" + xTicket),
                "the ticket shows the customer's previous social ticket");

        // The Karaf shell links an X identity to a customer RT already knows by e-mail address.
        String email = "yara-" + RUN + "@example.com";
        String yaraUser = RtAccounts.ofThisRun().requestor("yara-" + RUN, "Yara Y", email).name();
        String yara = "yara_" + RUN;
        String said = karaf.shell("socialcare:link x:" + x.userId(yara) + " " + email);
        assertTrue(said.contains("Linked x:" + x.userId(yara) + " to " + email), said);
        assertTrue(karaf.shell("socialcare:links").contains("mastodon:" + mastodonId + " -> x:" + x.userId(xena)));
        String wrong = karaf.shell("socialcare:link @yara x:1");
        assertTrue(wrong.contains("is not a social identity"), wrong);
        String yTweet = x.tweet(yara, "@acme hello from Yara " + RUN, null);
        long yTicket = ticketFor("x:" + yTweet);
        // REST2 names a role's users by name (the old comparison of ids read both as 0 and could not fail).
        assertEquals(yaraUser, root.ticket(yTicket).path("Requestor").get(0).path("id").asText(),
                "new tickets carry the linked e-mail customer");
    }
}
