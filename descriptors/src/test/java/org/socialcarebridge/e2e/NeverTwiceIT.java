package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Never twice, end to end against the real RT, the assembled Karaf and the X simulator: X takes a post
 * and answers 503 (no idempotency key on X), the plugin is killed between a follow-up's post and its
 * record, and RT takes longer than the plugin's 30 s timeout to open a ticket. Each time the customer
 * gets exactly one post, and the conversation exactly one ticket. The plugin reaches RT through a small
 * proxy here, which holds one ticket creation 35 s before passing it on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeverTwiceIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("never-twice").withRtProxy().startedByTheTest();
    static final String TOKEN = fixture.xToken();
    static final Duration SOON = Duration.ofSeconds(40);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static XSimulator simulator;
    static XSim x;
    static RtProxy slowRt;
    static Karaf karaf;
    static Rt root;
    static Rt agent;

    @BeforeAll
    static void start() throws Exception {
        simulator = fixture.xSimulator();
        x = fixture.x();
        slowRt = fixture.rtProxy();
        karaf = fixture.karaf();
        RtAccounts accounts = RtAccounts.ofThisRun();
        karaf.start();
        root = accounts.admin.login();
        agent = accounts.agent.login();
    }

    static long ticketFor(String tweetId) {
        return Await.until("a ticket for tweet " + tweetId, SOON, () -> root.ticketForConversation("x:" + tweetId));
    }

    static List<String> brandPostsAnswering(String tweetId, String containing) {
        String brand = x.userId("acme");
        return x.tweets().stream().filter(t -> brand.equals(t.path("author_id").asText()))
                .filter(t -> XSim.repliesTo(t, tweetId)).filter(t -> t.path("text").asText().contains(containing))
                .map(t -> t.path("id").asText()).toList();
    }

    static void fault(String method, String path, int status, boolean accept, int holdSeconds) {
        x.call("POST", "/sim/faults", null, Rt.JSON.createObjectNode().put("method", method).put("path", path)
                .put("status", status).put("accept", accept).put("holdSeconds", holdSeconds).put("count", 1));
    }

    @Test
    @Order(1)
    void aReplyXTookBeforeAnswering503IsPostedOnceAndRecordedAsSent() {
        String handle = "olga_" + RUN;
        x.customer(handle, "Olga O", 30, false);
        String id = x.tweet(handle, "@acme my card was charged twice " + RUN, null);
        long ticket = ticketFor(id);
        fault("POST", "/2/tweets", 503, true, 0);
        String text = "So sorry Olga, refunding the second charge now " + RUN;
        agent.reply(ticket, text, "Public");

        String delivery = Await.until("the reply recorded as posted", SOON, () -> root.history(ticket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()))
                .map(h -> Rt.field(h, "Social Delivery")).filter(d -> d != null && d.startsWith("posted")).findFirst());
        List<String> posts = brandPostsAnswering(id, text);
        assertEquals(1, posts.size(), "X took the post once, answered 503, and the plugin looked it up: " + posts);
        assertTrue(delivery.contains(posts.get(0)), "the transaction links the post X took: " + delivery);
        assertTrue(x.requests().stream().anyMatch(r -> r.path("path").asText().endsWith("/tweets")
                && "GET".equals(r.path("method").asText())), "the brand's timeline was looked up");
    }

    @Test
    @Order(2)
    void aFollowUpPostedJustBeforeTheCrashIsNotPostedAgainAfterTheRestart() throws Exception {
        String handle = "pavel_" + RUN;
        x.customer(handle, "Pavel P", 30, false);
        String id = x.tweet(handle, "@acme the app logs me out " + RUN, null);
        long ticket = ticketFor(id);
        agent.reply(ticket, "Fixed in today's update, Pavel " + RUN, "Public");
        Await.until("the agent's reply posted", SOON, () -> Optional.ofNullable(
                brandPostsAnswering(id, "Fixed in today's update").isEmpty() ? null : true));
        // X takes the closing at once but holds its answer; the plugin is killed meanwhile.
        fault("POST", "/2/tweets", 0, true, 20);
        agent.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().put("Status", "resolved"));
        Await.until("the closing on X", SOON, () -> Optional.ofNullable(
                brandPostsAnswering(id, "Glad we could sort this out").isEmpty() ? null : true));
        karaf.kill();
        karaf.start();

        String closing = Await.until("the closing recorded as sent", Duration.ofSeconds(90), () -> {
            String value = Rt.field(root.ticket(ticket), "Social Closing");
            return value != null && value.startsWith("sent") ? Optional.of(value) : Optional.empty();
        });
        List<String> posts = brandPostsAnswering(id, "Glad we could sort this out");
        assertEquals(1, posts.size(), "one closing on X across the crash: " + posts);
        assertTrue(closing.contains(posts.get(0)), "the ticket links the closing X took: " + closing);
    }

    @Test
    @Order(3)
    void aTicketRtCreatesAfter35SecondsIsTheConversationsOnlyTicket() throws Exception {
        String handle = "quinn_" + RUN;
        x.customer(handle, "Quinn Q", 30, false);
        String marker = "slow-rt-" + RUN;
        CompletableFuture<Void> held = slowRt.holdFirstCreateContaining(marker, Duration.ofSeconds(35));
        String id = x.tweet(handle, "@acme my router is broken " + marker, null);

        held.get(120, TimeUnit.SECONDS); // RT has now created the ticket the plugin stopped waiting for
        long ticket = ticketFor(id);
        Await.until("the message filed on the ticket RT created late", Duration.ofSeconds(60), () -> root.history(ticket)
                .stream().filter(h -> id.equals(Rt.field(h, "Social Post ID"))).findFirst());
        assertEquals(List.of(ticket), root.ticketsForConversation("x:" + id),
                "one ticket for the conversation: the plugin looked RT up again instead of opening another");
    }
}
