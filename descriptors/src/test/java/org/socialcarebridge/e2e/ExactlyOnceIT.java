package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Exactly once under failure: a burst of 500 messages across X and Mastodon (100 conversations of 5
 * messages), the Karaf process killed with kill -9 while it files them, then RT stopped for a minute
 * while the rest wait. Afterwards, counted through REST2: every message on exactly one ticket, once;
 * every conversation on exactly one ticket; nothing dead-lettered.
 */
class ExactlyOnceIT {
    static final String X_TOKEN = "burst-x-" + UUID.randomUUID();
    static final String M_TOKEN = "burst-m-" + UUID.randomUUID();
    static final String RUN = "b" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static final int CONVERSATIONS_PER_NETWORK = 50;
    static final int MESSAGES_PER_CONVERSATION = 5;
    static final Duration RT_OUTAGE = Duration.ofSeconds(60);

    static XSimulator xSimulator;
    static MastodonSimulator mastodonSimulator;
    static Karaf karaf;

    @BeforeAll
    static void start() throws Exception {
        xSimulator = XSimulator.start(8086, "acme", X_TOKEN, 10);
        mastodonSimulator = MastodonSimulator.start(8087, "acme", M_TOKEN, 10);
        karaf = Karaf.fresh("burst", xSimulator.baseUrl(), X_TOKEN).withMastodon(mastodonSimulator.baseUrl(), M_TOKEN);
        karaf.start();
    }

    @AfterAll
    static void stop() throws Exception {
        rtServer("start"); // whatever happened, leave RT running for the other tests
        if (karaf != null) {
            karaf.close();
        }
        if (mastodonSimulator != null) {
            mastodonSimulator.close();
        }
        if (xSimulator != null) {
            xSimulator.close();
        }
    }

    static void rtServer(String action) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "host/rt/rt-server.sh", action).inheritIO().start();
        assertEquals(0, p.waitFor(), "rt-server.sh " + action);
    }

    /** Tickets of this run so far (their subjects carry the run's tag). */
    static int ticketsOfThisRun(Rt rt) {
        String q = "'CF.{Social Conversation ID}' IS NOT NULL AND Subject LIKE '" + RUN + "'"; // any queue triage chose
        return rt.get("/tickets?per_page=1&query=" + Rt.enc(q)).path("total").asInt();
    }

    static void waitFor(String what, Duration timeout, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; plugin log: " + karaf.logTail());
            }
            Thread.sleep(2000);
        }
    }

    @Test
    void everyMessageOnExactlyOneTicketAfterKillNineAndAnRtOutage() throws Exception {
        XSim x = new XSim(xSimulator.baseUrl());
        MastodonSim mastodon = new MastodonSim(mastodonSimulator.baseUrl());
        Map<String, List<String>> expected = new HashMap<>(); // conversation key -> post ids in order
        AtomicInteger posted = new AtomicInteger();
        Thread burst = new Thread(() -> {
            Map<String, String> last = new HashMap<>();
            for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                for (int c = 0; c < CONVERSATIONS_PER_NETWORK; c++) {
                    String text = "@acme " + RUN + " conversation " + c + " message " + m;
                    String xHandle = "bx" + c + "_" + RUN;
                    String xId = x.tweet(xHandle, text, last.get(xHandle));
                    record(expected, last, xHandle, "x:", xId);
                    String acct = "bm" + c + "_" + RUN;
                    String mId = mastodon.postQuickly(acct, text, "public", last.get(acct));
                    record(expected, last, acct, "mastodon:", mId);
                    posted.addAndGet(2);
                    pause(10);
                }
            }
        }, "burst");
        burst.start();

        Rt rt = RtAccounts.ofThisRun().admin.login();
        waitFor("the first tickets", Duration.ofMinutes(3), () -> ticketsOfThisRun(rt) >= 10);
        karaf.kill();
        int killedAt = ticketsOfThisRun(rt);
        karaf.start();

        waitFor("half the conversations", Duration.ofMinutes(8), () -> ticketsOfThisRun(rt) >= CONVERSATIONS_PER_NETWORK);
        burst.join();
        rtServer("stop");
        Thread.sleep(RT_OUTAGE.toMillis());
        JsonNode during = karaf.health();
        rtServer("start");
        assertTrue(during.path("waitingForTicket").asLong() > 0,
                "messages wait in the plugin's database while RT is down: " + during);
        assertEquals("running", during.path("channels").path("x").path("state").asText(), "listening goes on: " + during);
        assertEquals("running", during.path("channels").path("mastodon").path("state").asText(), during.toString());

        int total = 2 * CONVERSATIONS_PER_NETWORK * MESSAGES_PER_CONVERSATION;
        assertEquals(total, posted.get());
        Rt after = RtAccounts.ofThisRun().admin.login(); // RT was restarted: a new session
        waitFor("every message filed", Duration.ofMinutes(12), () -> {
            JsonNode h = karaf.health();
            return h.path("waitingForTicket").asLong() == 0 && h.path("deadLetters").asLong() == 0
                    && ticketsOfThisRun(after) >= 2 * CONVERSATIONS_PER_NETWORK;
        });

        // Count through REST2: one ticket per conversation, each message on it exactly once.
        List<String> problems = new ArrayList<>();
        int messages = 0;
        for (Map.Entry<String, List<String>> conversation : expected.entrySet()) {
            List<Long> tickets = after.ticketsForConversation(conversation.getKey());
            if (tickets.size() != 1) {
                problems.add(conversation.getKey() + " is on " + tickets.size() + " tickets " + tickets);
                continue;
            }
            List<String> onTicket = new ArrayList<>();
            for (JsonNode txn : after.history(tickets.get(0))) {
                String id = Rt.field(txn, "Social Post ID");
                if (id != null && ("Create".equals(txn.path("Type").asText()) || "Correspond".equals(txn.path("Type").asText()))) {
                    onTicket.add(id);
                }
            }
            messages += onTicket.size();
            if (!onTicket.equals(conversation.getValue())) {
                problems.add(conversation.getKey() + " expected " + conversation.getValue() + " in order, ticket holds " + onTicket);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " conversations wrong (killed at " + killedAt + " tickets): " + problems);
        assertEquals(total, messages);
        assertEquals(2 * CONVERSATIONS_PER_NETWORK, ticketsOfThisRun(after));
        System.out.printf("ExactlyOnceIT: %d messages, %d tickets, kill -9 after %d tickets, RT down %ds: none lost, none twice%n",
                messages, ticketsOfThisRun(after), killedAt, RT_OUTAGE.toSeconds());
    }


    private static synchronized void record(Map<String, List<String>> expected, Map<String, String> last, String who,
                                            String network, String id) {
        String root = last.containsKey(who) ? expected.keySet().stream()
                .filter(k -> expected.get(k).contains(last.get(who))).findFirst().orElseThrow() : network + id;
        expected.computeIfAbsent(root, k -> new ArrayList<>()).add(id);
        last.put(who, id);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
