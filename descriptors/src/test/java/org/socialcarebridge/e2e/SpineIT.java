package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socialcarebridge.e2e.XSim.repliesTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The spine end to end: a real RT 5 (started by ./socialcare test), the assembled Karaf distribution
 * as its own process with the plugin, and the X simulator over HTTP. Nothing here is mocked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("spine");
    static final String TOKEN = fixture.xToken();
    static final Duration SOON = Duration.ofSeconds(30);

    static XSimulator simulator;
    static XSim x;
    static Karaf karaf;
    static Rt agent;
    static Rt root;
    /** Unique per run, so repeated runs against the same RT never see each other's tickets. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    @BeforeAll
    static void start() throws Exception {
        simulator = fixture.xSimulator();
        x = fixture.x();
        karaf = fixture.karaf();
        agent = RtAccounts.ofThisRun().agent.login();
        root = RtAccounts.ofThisRun().admin.login();
        Await.until("the X channel to poll", SOON, () -> {
            JsonNode h = karaf.health();
            return "running".equals(h.path("channels").path("x").path("state").asText()) ? Optional.of(h) : Optional.empty();
        });
    }


    static long ticketFor(String tweetId) {
        return Await.until("a ticket for tweet " + tweetId, SOON, () -> root.ticketForConversation("x:" + tweetId));
    }

    static JsonNode brandTweetAnswering(String tweetId) {
        return Await.until("the brand's reply to " + tweetId, SOON, () -> x.tweets().stream()
                .filter(t -> "acme".equals(t.path("author_username").asText(t.path("username").asText()))
                        || simulatorBrandId().equals(t.path("author_id").asText()))
                .filter(t -> repliesTo(t, tweetId)).findFirst());
    }

    static String simulatorBrandId() {
        return x.userId("acme");
    }

    @Test
    @Order(1)
    void mentionBecomesATicketWithTheCustomerAndTheirFields() {
        String handle = "carol_" + RUN;
        x.customer(handle, "Carol Danvers", 1530, true);
        String id = x.tweet(handle, "@acme my parcel " + RUN + " never arrived, can you help?", null);
        long ticket = ticketFor(id);

        JsonNode t = root.ticket(ticket);
        assertEquals("X: my parcel " + RUN + " never arrived, can you help?", t.path("Subject").asText());
        assertEquals("@" + handle, Rt.field(t, "Social Handle"));
        assertEquals("X", Rt.field(t, "Social Network"));
        assertEquals("https://x.com/" + handle, Rt.field(t, "Social Profile URL"));
        JsonNode requestor = root.get("/user/" + t.path("Requestor").get(0).path("id").asText());
        assertEquals("x:" + x.userId(handle), requestor.path("Name").asText());
        assertTrue(requestor.path("EmailAddress").asText("").isEmpty(), "no invented e-mail address: " + requestor);
        assertEquals("Carol Danvers (@" + handle + ")", requestor.path("RealName").asText());
        String first = root.content(root.history(ticket).stream()
                .filter(h -> "Create".equals(h.path("Type").asText())).findFirst().orElseThrow().path("id").asLong());
        assertTrue(first.contains("never arrived") && first.contains("/status/" + id), first);
    }

    @Test
    @Order(2)
    void hostileContentIsShownHarmlessInRt() throws Exception {
        String handle = "mallory_" + RUN;
        x.customer(handle, "Mal <img src=x onerror=alert(1)>", 3, false);
        String id = x.tweet(handle, "@acme <script>alert('pwned')</script> & \"quotes\" " + RUN, null);
        long ticket = ticketFor(id);
        var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Rt.URL + "/Ticket/Display.html?id=" + ticket)).header("Cookie", agent.cookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("socialcare-summary"), "the social box is shown");
        assertFalse(page.body().contains("<script>alert('pwned')"), "the post's script is escaped");
        assertFalse(page.body().contains("<img src=x onerror"), "the display name's markup is escaped");
        assertEquals("X: <script>alert('pwned')</script> & \"quotes\" " + RUN, root.ticket(ticket).path("Subject").asText(),
                "stored as the customer wrote it");
    }

    @Test
    @Order(3)
    void agentRepliesPubliclyAndPrivatelyThroughRtAndCommentsStayInside() {
        String handle = "dave_" + RUN;
        String id = x.tweet(handle, "@acme I was charged twice " + RUN, null);
        long ticket = ticketFor(id);

        agent.reply(ticket, "Sorry about that! We're checking your bill now.", "Public");
        JsonNode posted = brandTweetAnswering(id);
        assertEquals("@" + handle + " Sorry about that! We're checking your bill now.", posted.path("text").asText());

        agent.reply(ticket, "Could you send us the last 4 digits of the card you paid with?", "Private");
        String daveId = x.userId(handle);
        JsonNode dm = Await.until("the DM to " + handle, SOON, () -> x.dmEvents().stream()
                .filter(e -> e.path("text").asText().startsWith("Could you send us the last 4 digits"))
                .filter(e -> e.toString().contains(daveId)).findFirst());
        assertFalse(dm.path("text").asText().startsWith("@"), "a DM carries no @-prefix");

        agent.comment(ticket, "Internal note " + RUN + ": refund approved by billing");

        // The network's id is written back onto the RT transaction, with the delivery state.
        String postedId = posted.path("id").asText();
        JsonNode replyTxn = Await.until("Social Post ID on the public reply", SOON, () -> root.history(ticket).stream()
                .filter(h -> postedId.equals(Rt.field(h, "Social Post ID"))).findFirst());
        assertEquals("Correspond", replyTxn.path("Type").asText());
        assertTrue(Rt.field(replyTxn, "Social Delivery").startsWith("posted"), Rt.field(replyTxn, "Social Delivery"));

        // Give the plugin time to (wrongly) post the comment, then check it did not.
        Await.until("the private reply's delivery to be recorded", SOON, () -> root.history(ticket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()) && dm.path("id").asText().equals(Rt.field(h, "Social Post ID")))
                .findFirst());
        assertTrue(x.tweets().stream().noneMatch(t -> t.path("text").asText().contains("Internal note " + RUN)));
        assertTrue(x.dmEvents().stream().noneMatch(e -> e.path("text").asText().contains("Internal note " + RUN)));
        assertEquals(1, x.tweets().stream().filter(t -> repliesTo(t, id)).count(), "posted exactly once");
    }

    @Test
    @Order(4)
    void customerReplyInTheThreadJoinsTheTicketAndBrandPostsNeverBecomeTickets() {
        String handle = "erin_" + RUN;
        String id = x.tweet(handle, "@acme no signal in my street " + RUN, null);
        long ticket = ticketFor(id);
        agent.reply(ticket, "Which street are you in?", "Public");
        String brandReply = brandTweetAnswering(id).path("id").asText();
        String again = x.tweet(handle, "@acme Baker Street " + RUN, brandReply);
        Await.until("the customer's answer on the same ticket", SOON, () -> root.history(ticket).stream()
                .filter(h -> again.equals(Rt.field(h, "Social Post ID"))).findFirst());
        assertTrue(root.ticketsForConversation("x:" + again).isEmpty());

        String own = x.call("POST", "/2/tweets", TOKEN, Rt.JSON.createObjectNode().put("text", "@acme news " + RUN))
                .path("data").path("id").asText();
        String later = x.tweet(handle, "@acme marker after the brand's post " + RUN, null);
        ticketFor(later); // polled after the brand's own post
        assertTrue(root.ticketsForConversation("x:" + own).isEmpty(), "the brand's own post made no ticket");
    }

    @Test
    @Order(5)
    void tooLongPublicReplyIsRefusedWithACommentAndNothingIsPosted() {
        String handle = "fay_" + RUN;
        String id = x.tweet(handle, "@acme question " + RUN, null);
        long ticket = ticketFor(id);
        agent.reply(ticket, "z".repeat(290), "Public");
        JsonNode comment = Await.until("a comment saying the reply was refused", SOON, () -> root.history(ticket).stream()
                .filter(h -> "Comment".equals(h.path("Type").asText()))
                .filter(h -> root.content(h.path("id").asLong()).contains("limit is 280")).findFirst());
        assertTrue(root.content(comment.path("id").asLong()).contains("NOT delivered"));
        assertTrue(x.tweets().stream().noneMatch(t -> repliesTo(t, id)));
    }

    @Test
    @Order(6)
    void rateLimitStormWhilePostingIsWaitedOutAndPostsExactlyOnce() {
        String handle = "gus_" + RUN;
        String id = x.tweet(handle, "@acme storm " + RUN, null);
        long ticket = ticketFor(id);
        x.fault("POST", "/2/tweets", 429, 3, 2);
        agent.reply(ticket, "Thanks for waiting " + RUN, "Public");
        JsonNode posted = brandTweetAnswering(id);
        assertTrue(posted.path("text").asText().endsWith("Thanks for waiting " + RUN));
        List<JsonNode> posts = new ArrayList<>();
        for (JsonNode r : x.requests()) {
            if ("POST".equals(r.path("method").asText()) && "/2/tweets".equals(r.path("path").asText())) {
                posts.add(r);
            }
        }
        long limited = posts.stream().filter(r -> r.path("status").asInt() == 429).count();
        assertTrue(limited >= 3, "the storm happened: " + posts);
        assertEquals(1, x.tweets().stream().filter(t -> repliesTo(t, id)).count(), "posted exactly once");
    }

    String dmToBrand(String handle, String text) {
        return x.dm(handle, simulator.brandId(), text);
    }

    @Test
    @Order(7)
    void directMessagesJoinTheOpenTicketMarkedPrivateAndAreAnsweredPrivately() {
        String handle = "quinn_" + RUN;
        String id = x.tweet(handle, "@acme my router is broken " + RUN, null);
        long ticket = ticketFor(id);
        String dm = dmToBrand(handle, "my account number is 555-" + RUN);
        JsonNode joined = Await.until("the DM on the same ticket", SOON, () -> root.history(ticket).stream()
                .filter(h -> dm.equals(Rt.field(h, "Social Post ID"))).findFirst());
        String content = root.content(joined.path("id").asLong());
        assertTrue(content.startsWith("[Private: direct message]") && content.contains("555-" + RUN), content);

        assertEquals("Private", Rt.field(joined, "Reply Visibility"), "the DM is marked private in the history");
        agent.reply(ticket, "Thanks, we've booked an engineer " + RUN, null); // no choice: answered as the customer last wrote
        String quinnId = x.userId(handle);
        Await.until("the private answer", SOON, () -> x.dmEvents().stream()
                .filter(e -> e.path("text").asText().equals("Thanks, we've booked an engineer " + RUN))
                .filter(e -> e.toString().contains(quinnId)).findFirst());
        // The brand's own DM comes back in dm_events: it must not become a customer message.
        String marker = dmToBrand(handle, "great, thank you " + RUN);
        Await.until("the customer's thanks on the ticket", SOON, () -> root.history(ticket).stream()
                .filter(h -> marker.equals(Rt.field(h, "Social Post ID"))).findFirst());
        long echoes = root.history(ticket).stream().filter(h -> "Correspond".equals(h.path("Type").asText()))
                .filter(h -> root.content(h.path("id").asLong()).contains("booked an engineer")).count();
        assertEquals(1, echoes, "only the agent's reply itself carries that text");
    }

    @Test
    @Order(8)
    void directMessageFromANewCustomerOpensAPrivateTicketThatCannotBeAnsweredPublicly() {
        String handle = "ruth_" + RUN;
        String dm = dmToBrand(handle, "I'd rather not say this in public " + RUN);
        long ticket = Await.until("a ticket for the DM", SOON, () -> root.ticketForConversation("x:dm:" + dm));
        assertTrue(root.ticket(ticket).path("Subject").asText().startsWith("X DM: I'd rather not say this in public"));
        agent.reply(ticket, "Happy to help!", "Public");
        Await.until("a comment explaining why nothing was posted", SOON, () -> root.history(ticket).stream()
                .filter(h -> "Comment".equals(h.path("Type").asText()))
                .filter(h -> root.content(h.path("id").asLong()).contains("send the reply as Private")).findFirst());
        assertTrue(x.tweets().stream().noneMatch(t -> t.path("text").asText().contains("Happy to help!")));
    }

    @Test
    @Order(9)
    void writingAgainReopensWithinTheWindowAndOpensALinkedTicketAfterIt() throws Exception {
        String handle = "sam_" + RUN;
        String first = x.tweet(handle, "@acme my modem again " + RUN, null);
        long ticket = ticketFor(first);
        root.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().put("Status", "resolved"));
        String again = x.tweet(handle, "@acme it is broken again " + RUN, first);
        Await.until("the ticket reopened with the new message", SOON, () -> {
            boolean holds = root.history(ticket).stream().anyMatch(h -> again.equals(Rt.field(h, "Social Post ID")));
            return holds && "open".equals(root.ticket(ticket).path("Status").asText()) ? Optional.of(true) : Optional.empty();
        });

        root.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().put("Status", "resolved"));
        Thread.sleep(6000); // the test's reopen window is 4 s
        String later = x.tweet(handle, "@acme and once more, weeks later " + RUN, again);
        long next = Await.until("a new ticket for the same thread", SOON, () -> root.ticketsForConversation("x:" + first).stream()
                .filter(id -> id != ticket).findFirst());
        assertEquals("resolved", root.ticket(ticket).path("Status").asText(), "the old ticket stays resolved");
        assertTrue(root.ticket(next).toString().contains("/ticket/" + ticket), "the new ticket refers to the old one");
        assertTrue(root.history(next).stream().anyMatch(h -> root.content(h.path("id").asLong()).contains("weeks later")));
        String after = x.tweet(handle, "@acme hello? " + RUN, later);
        Await.until("the next reply on the new ticket", SOON, () -> root.history(next).stream()
                .filter(h -> after.equals(Rt.field(h, "Social Post ID"))).findFirst());
    }

    @Test
    @Order(10)
    void aMentionInAnUnseenThreadFilesTheWholeChainOnOneTicketInOrder() {
        String first = x.tweet("tia_" + RUN, "my phone died after the update " + RUN, null);
        String middle = x.tweet("vic_" + RUN, "@tia_" + RUN + " same here " + RUN, first);
        String mention = x.tweet("ugo_" + RUN, "@acme this is happening to all of us " + RUN, middle);
        long ticket = ticketFor(first);
        Await.until("the mention on the thread's ticket", SOON, () -> root.history(ticket).stream()
                .filter(h -> mention.equals(Rt.field(h, "Social Post ID"))).findFirst());
        List<String> order = new ArrayList<>();
        for (JsonNode h : root.history(ticket)) {
            if ("Create".equals(h.path("Type").asText()) || "Correspond".equals(h.path("Type").asText())) {
                order.add(root.content(h.path("id").asLong()));
            }
        }
        assertTrue(order.get(0).contains("my phone died") && order.get(1).contains("same here")
                && order.get(2).contains("happening to all of us"), order.toString());
        assertTrue(root.ticketsForConversation("x:" + mention).isEmpty());

        // A parent X will not show (deleted or protected) is noted on the ticket, and nothing stalls.
        String gone = x.tweet("wes_" + RUN, "something nobody may read " + RUN, null);
        x.fault("GET", "/2/tweets/" + gone, 404, 5, 0);
        x.tweet("xan_" + RUN, "@acme about that post " + RUN, gone);
        long second = ticketFor(gone);
        assertTrue(root.history(second).stream().anyMatch(h -> root.content(h.path("id").asLong())
                .contains("which could not be read")), "the unreadable parent is noted");
    }

    @Test
    @Order(11)
    void restartAndRepollNeverDuplicateTickets() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(x.tweet("hal_" + RUN + "_" + i, "@acme restart check " + i + " " + RUN, null));
        }
        ids.forEach(SpineIT::ticketFor);
        karaf.kill();
        karaf.start();
        String marker = x.tweet("hal_" + RUN + "_m", "@acme after restart " + RUN, null);
        ticketFor(marker);
        for (String id : ids) {
            assertEquals(1, root.ticketsForConversation("x:" + id).size(), "one ticket for " + id);
        }
    }

    @Test
    @Order(12)
    void wrongSettingStopsOnlyThatChannelWithOneClearLogLine() throws Exception {
        karaf.writeConfig("org.socialcarebridge.network.x", "baseUrl = ftp://nope\nbearerToken = " + TOKEN
                + "\nbrandHandle = acme\npollInterval = 500ms\n");
        JsonNode h = Await.until("the X channel to stop", SOON, () -> {
            JsonNode now = karaf.health();
            return "stopped".equals(now.path("channels").path("x").path("state").asText()) ? Optional.of(now) : Optional.empty();
        });
        String error = h.path("channels").path("x").path("lastError").asText();
        assertTrue(error.contains("baseUrl") && error.contains("ftp://nope") && error.contains("Fix:"), error);
        assertFalse(error.contains(TOKEN));
        String log = karaf.log();
        assertTrue(log.lines().anyMatch(l -> l.contains("ERROR") && l.contains("baseUrl") && l.contains("ftp://nope")), karaf.logTail());
        assertFalse(log.contains(TOKEN), "secrets never in the log");
        assertEquals("running", Await.until("RT's route set to keep running", SOON, () -> {
            String state = karaf.health().path("channels").path("rt").path("state").asText();
            return "running".equals(state) ? Optional.of(state) : Optional.empty();
        }));

        karaf.writeConfig("org.socialcarebridge.network.x", "baseUrl = " + simulator.baseUrl() + "\nbearerToken = " + TOKEN
                + "\nbrandHandle = acme\npollInterval = 500ms\n");
        String id = x.tweet("ivy_" + RUN, "@acme back again " + RUN, null);
        ticketFor(id);
    }

    @Test
    @Order(13)
    void aChannelThatStopsWorkingOpensAnAlertInRtAndRecoveryResolvesIt() {
        long before = Await.until("RT's newest ticket", SOON, () -> Optional.of(root.get(
                "/tickets?per_page=1&orderby=id&order=DESC&query=" + Rt.enc("id > 0")).path("items").get(0).path("id").asLong()));
        x.fault("GET", "/2/users/" + simulator.brandId() + "/mentions", 503, 30, 0);
        String query = "Queue = 'Social Ops' AND id > " + before;
        long alert = Await.until("an alert in Social Ops", Duration.ofSeconds(45), () -> {
            JsonNode items = root.get("/tickets?per_page=10&query=" + Rt.enc(query)).path("items");
            return items.size() == 0 ? Optional.empty() : Optional.of(items.get(0).path("id").asLong());
        });
        JsonNode t = root.ticket(alert);
        assertEquals("Social channel x needs attention", t.path("Subject").asText());
        String text = root.content(root.history(alert).get(0).path("id").asLong());
        assertTrue(text.contains("503"), text);
        Await.until("the alert resolved once X answers again", Duration.ofSeconds(60), () ->
                "resolved".equals(root.ticket(alert).path("Status").asText()) ? Optional.of(true) : Optional.empty());
        assertEquals(1, root.get("/tickets?per_page=10&query=" + Rt.enc(query)).path("items").size(), "one alert, not one per check");
    }
}
