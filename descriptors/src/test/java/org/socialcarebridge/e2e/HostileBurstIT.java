package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * The hostile burst (issue 20): 300 messages, mentions and direct messages over X and Mastodon at
 * once, six of them hostile and named (the 7,525-character poison DM, a fediverse account whose
 * handle, name and address overflow their columns, a text 100 times Mastodon's limit, unpaired
 * surrogates, combining marks and bidi controls). The plugin runs at {@code -Xmx256m} with a GC log;
 * Karaf is killed with kill -9 after the first tickets while agents' replies are on their way, and RT
 * is stopped for a minute while the last round arrives. Afterwards, counted through REST2, the
 * simulators and the admin API: every message on exactly one ticket, in order per conversation, or
 * dead-lettered with a reason when it is one of those named as unprocessable (none of these six: each
 * is valid for its network); no reply posted twice; heap after every GC within 256 MB, no
 * OutOfMemoryError; health UP.
 */
class HostileBurstIT {
    static final String MAX_HEAP = "256m";
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("hostile").withMastodon().withAdminToken().withMaxHeap(MAX_HEAP).withGcLog();
    static final String X_TOKEN = fixture.xToken();
    static final String M_TOKEN = fixture.mastodonToken();
    static final String ADMIN_TOKEN = fixture.adminToken();
    static final String RUN = "h" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    /** Each round, every customer writes once: 6 rounds of 49 normal messages, plus one hostile message per round. */
    static final int ROUNDS = 6;
    static final int X_THREADS = 15;
    static final int MASTODON_THREADS = 15;
    static final int X_DM_CUSTOMERS = 10;
    static final int MASTODON_DM_CUSTOMERS = 9;
    static final int CUSTOMERS = X_THREADS + MASTODON_THREADS + X_DM_CUSTOMERS + MASTODON_DM_CUSTOMERS;
    static final int AGENT_REPLIES = 6;
    static final Duration RT_OUTAGE = Duration.ofSeconds(60);
    static final long HEAP_LIMIT_MB = 256;

    /** What must become of a hostile message: a ticket like any other, or the dead-letter list with its reason. */
    enum Outcome { TICKET, DEAD_LETTER }

    /** A hostile message: who sends it, in which round, what must become of it, and how it is sent. */
    record Hostile(String name, int round, Outcome expected, Supplier<Sent> send) {
    }

    /** A message as sent: the conversation it starts (or joins) and its id on the network. */
    record Sent(String conversation, String id) {
    }

    static XSimulator xSimulator;
    static MastodonSimulator mastodonSimulator;
    static XSim x;
    static MastodonSim mastodon;
    static Karaf karaf;

    /** Conversation key -> the ids of its messages, in the order they were written. */
    final Map<String, List<String>> expected = new LinkedHashMap<>();
    /** Customer -> the conversation key their next message joins. */
    final Map<String, String> conversationOf = new HashMap<>();
    /** Hostile case name -> what was sent. */
    final Map<String, Sent> hostileSent = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        xSimulator = fixture.xSimulator();
        mastodonSimulator = fixture.mastodonSimulator();
        x = fixture.x();
        mastodon = fixture.mastodon();
        karaf = fixture.karaf();
    }

    @AfterAll
    static void stop() throws Exception {
        rtServer("start"); // whatever happened, leave RT running for the other tests (the fixture then closes Karaf)
    }

    // ---- the hostile messages, one per round, each from a customer of its own

    /** A fediverse server on a long DNS name (three 62-character labels): the handle alone passes 200 characters. */
    static final String LONG_DOMAIN = ("l" + "o".repeat(59) + "ng.").repeat(3) + "support.example";
    static final String OVERLONG_ACCT = "ho_" + RUN + "@" + LONG_DOMAIN;
    static final String POISON_TEXT = "@acme " + "@x ".repeat(2500) + "my router is broken";

    final List<Hostile> hostile = List.of(
            new Hostile("poison DM", 0, Outcome.TICKET, () -> {
                // Valid on X (a DM may hold 10,000 characters); its subject once overflowed the filing thread's stack.
                String id = x.dm("hp_" + RUN, xSimulator.brandId(), POISON_TEXT);
                return record("hp_" + RUN, "x:dm:", id);
            }),
            new Hostile("overlong fediverse account", 1, Outcome.TICKET, () -> {
                mastodon.remoteCustomer(OVERLONG_ACCT, "Zoë " + "Ωmega-Support-Team ".repeat(25),
                        "https://" + LONG_DOMAIN + "/@ho_" + RUN + "?ref=" + "a".repeat(1000));
                String id = mastodon.postQuickly(OVERLONG_ACCT, "@acme " + RUN + " my parcel never came", "public", null);
                return record(OVERLONG_ACCT, "mastodon:", id);
            }),
            new Hostile("text 100 times Mastodon's limit", 2, Outcome.TICKET, () -> {
                // Another server's status keeps its own server's length; 500 is only this instance's limit.
                StringBuilder text = new StringBuilder("@acme " + RUN + " my router keeps failing, here is the whole log:\n");
                for (int line = 0; text.length() < 50_000; line++) {
                    text.append("line ").append(line).append(": the light blinks red, then the connection drops again.\n");
                }
                String acct = "hh_" + RUN + "@akkoma.example";
                String id = mastodon.postQuickly(acct, text.toString(), "public", null);
                return record(acct, "mastodon:", id);
            }),
            new Hostile("half an emoji on X", 3, Outcome.TICKET, () -> {
                // X cuts long texts inside an emoji now and then: a high surrogate with nothing after it.
                String id = x.tweet("hs_" + RUN, "@acme " + RUN + " the app crashes when I open it \uD83D", null);
                return record("hs_" + RUN, "x:", id);
            }),
            new Hostile("broken encodings in an X DM", 4, Outcome.TICKET, () -> {
                String text = RUN + " \uFFFD\uFFFD caf\u00e9 ordered, e" + "\u0301".repeat(1000) + " \uD83D\uDC69\u200D\uD83D\uDC69"
                        + "\u200D\uD83D\uDC67 \uD800\uD800 \u0645\u0631\u062D\u0628\u0627 my order 1234 is missing \u202Eevil\u202C\u200B";
                String id = x.dm("hb_" + RUN, xSimulator.brandId(), text);
                return record("hb_" + RUN, "x:dm:", id);
            }),
            new Hostile("lone low surrogate in a Mastodon DM, during the RT outage", 5, Outcome.TICKET, () -> {
                String id = mastodon.postQuickly("hm_" + RUN, "@acme " + RUN + " \uDE00 my card was charged twice \u202Eevil\u202C",
                        "direct", null);
                return record("hm_" + RUN, "mastodon:dm:", id);
            }));

    // ---- the test

    @Test
    void everyMessageOnExactlyOneTicketOrDeadLetteredThroughKillNineAnRtOutageAndHostileContent() throws Exception {
        long began = System.nanoTime();
        assertTrue(karaf.commandLines().stream().anyMatch(c -> c.contains("-Xmx" + MAX_HEAP)),
                "the plugin runs at -Xmx" + MAX_HEAP + ": " + karaf.commandLines());
        Rt admin = RtAccounts.ofThisRun().admin.login();
        Rt agent = RtAccounts.ofThisRun().agent.login();

        Thread burst = new Thread(() -> {
            for (int round = 0; round < ROUNDS - 1; round++) {
                playRound(round);
            }
        }, "burst");
        burst.start();

        waitFor("the first tickets", Duration.ofMinutes(3), () -> ticketsOfThisRun(admin) >= 10);
        // Agents answer while filing goes on; the kill -9 right after catches those replies somewhere on their way.
        Map<String, String> replies = reply(admin, agent);
        karaf.kill();
        int killedAt = ticketsOfThisRun(admin);
        karaf.start();
        assertTrue(karaf.commandLines().stream().anyMatch(c -> c.contains("-Xmx" + MAX_HEAP)), "after the restart too");

        burst.join();
        waitFor("half the conversations", Duration.ofMinutes(8), () -> ticketsOfThisRun(admin) >= CUSTOMERS / 2);

        // RT goes away; the last round arrives meanwhile and waits in the plugin's database.
        rtServer("stop");
        long outageBegan = System.nanoTime();
        JsonNode during;
        try {
            playRound(ROUNDS - 1);
            during = Await.until("messages waiting for RT", RT_OUTAGE, () -> Optional.of(karaf.health())
                    .filter(h -> h.path("waitingForTicket").asLong() > 0));
            long left = RT_OUTAGE.toNanos() - (System.nanoTime() - outageBegan);
            if (left > 0) {
                Thread.sleep(left / 1_000_000);
            }
            during = karaf.health();
        } finally {
            rtServer("start");
        }
        assertEquals("running", during.path("channels").path("x").path("state").asText(), "listening goes on: " + during);
        assertEquals("running", during.path("channels").path("mastodon").path("state").asText(), during.toString());

        Map<String, List<String>> all = snapshot();
        Set<String> customerIds = all.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        int total = all.values().stream().mapToInt(List::size).sum();
        assertEquals(ROUNDS * CUSTOMERS + hostile.size(), total);
        assertEquals(CUSTOMERS + hostile.size(), all.size(), "one conversation per customer");
        Set<String> expectedDead = hostile.stream().filter(h -> h.expected() == Outcome.DEAD_LETTER)
                .map(h -> hostileSent.get(h.name()).id()).collect(Collectors.toSet());
        // The poison DM's subject holds no run tag (its text is fixed): the one filed conversation the tag does not find.
        long tagged = all.values().stream().filter(ids -> !expectedDead.containsAll(ids)).count() - 1;

        Rt after = RtAccounts.ofThisRun().admin.login(); // RT was restarted: a new session
        waitFor("every message filed or dead-lettered", Duration.ofMinutes(12), () -> {
            JsonNode h = karaf.health();
            return h.path("waitingForTicket").asLong() == 0 && h.path("deadLetters").asLong() >= expectedDead.size()
                    && ticketsOfThisRun(after) >= tagged;
        });

        // Dead letters: exactly the named unprocessable ones, each with its reason, nothing else of this run.
        JsonNode deadLetters = karaf.admin("GET", "/dead-letters?limit=1000");
        Map<String, String> dead = new TreeMap<>();
        for (JsonNode d : deadLetters.path("messages")) {
            dead.put(d.path("messageId").asText(), d.path("reason").asText(""));
        }
        assertEquals(expectedDead, dead.keySet(), "dead letters are only the messages named as unprocessable: " + deadLetters);
        dead.forEach((id, reason) -> assertFalse(reason.isBlank(), "dead letter " + id + " says why: " + deadLetters));
        assertEquals(expectedDead.size(), karaf.health().path("deadLetters").asLong(), karaf.health().toString());

        // Count through REST2: one ticket per conversation, each message on it exactly once, in order.
        List<String> problems = new ArrayList<>();
        Map<String, Long> ticketOf = new HashMap<>();
        int messages = 0;
        for (Map.Entry<String, List<String>> conversation : all.entrySet()) {
            List<String> want = conversation.getValue().stream().filter(id -> !expectedDead.contains(id)).toList();
            List<Long> tickets = after.ticketsForConversation(conversation.getKey());
            if (want.isEmpty()) {
                if (!tickets.isEmpty()) {
                    problems.add(conversation.getKey() + " was dead-lettered yet is on tickets " + tickets);
                }
                continue;
            }
            if (tickets.size() != 1) {
                problems.add(conversation.getKey() + " is on " + tickets.size() + " tickets " + tickets);
                continue;
            }
            ticketOf.put(conversation.getKey(), tickets.get(0));
            List<String> onTicket = new ArrayList<>();
            for (JsonNode txn : after.history(tickets.get(0))) {
                String id = Rt.field(txn, "Social Post ID");
                String type = txn.path("Type").asText();
                if (customerIds.contains(id) && ("Create".equals(type) || "Correspond".equals(type))) {
                    onTicket.add(id);
                }
            }
            messages += onTicket.size();
            if (!onTicket.equals(want)) {
                problems.add(conversation.getKey() + " expected " + want + " in order, ticket holds " + onTicket);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " conversations wrong (killed at " + killedAt + " tickets): " + problems);
        assertEquals(total - expectedDead.size(), messages);
        assertEquals(tagged, ticketsOfThisRun(after), "no stray tickets");

        assertHostileOutcomes(after, ticketOf);
        int posted = assertNothingPostedTwice(replies);
        Heap heap = heap(karaf.gcLogs());
        assertTrue(heap.collections() > 0, "the GC logs hold collections: " + karaf.gcLogs());
        assertTrue(heap.peakAfterGcMb() <= HEAP_LIMIT_MB && heap.committedMb() <= HEAP_LIMIT_MB,
                "heap after GC " + heap.peakAfterGcMb() + " MB, committed " + heap.committedMb() + " MB, limit " + HEAP_LIMIT_MB);
        String logs = karaf.log() + Files.readString(karaf.home.resolve("console.out"), StandardCharsets.UTF_8);
        assertFalse(logs.contains("OutOfMemoryError"), "no OutOfMemoryError in karaf.log or console.out");
        Await.until("health UP", Duration.ofMinutes(2), () -> Optional.of(karaf.health()).filter(h -> "UP".equals(h.path("status").asText())));

        System.out.printf("HostileBurstIT: %d messages (%d hostile), %d tickets, %d dead letters, %d agent replies posted once,"
                        + " peak heap after GC %d MB of %d, kill -9 after %d tickets, RT down %d s, %d s wall%n",
                total, hostile.size(), ticketOf.size(), dead.size(), posted, heap.peakAfterGcMb(), HEAP_LIMIT_MB, killedAt,
                RT_OUTAGE.toSeconds(), Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    /** One round: every customer writes once, conversation by conversation, with this round's hostile message among them. */
    void playRound(int round) {
        int normal = CUSTOMERS;
        int hostileAt = normal * (round + 1) / (ROUNDS + 1); // spread through the round, a little later each round
        for (int i = 0; i < normal; i++) {
            if (i == hostileAt) {
                for (Hostile h : hostile) {
                    if (h.round() == round) {
                        Sent sent = h.send().get();
                        synchronized (this) {
                            hostileSent.put(h.name(), sent);
                        }
                    }
                }
            }
            String text = RUN + " customer " + i + " message " + round;
            if (i < X_THREADS) {
                String who = "hx" + i + "_" + RUN;
                record(who, "x:", x.tweet(who, "@acme " + text, previous(who)));
            } else if (i < X_THREADS + MASTODON_THREADS) {
                String who = "hy" + i + "_" + RUN;
                record(who, "mastodon:", mastodon.postQuickly(who, "@acme " + text, "public", previous(who)));
            } else if (i < X_THREADS + MASTODON_THREADS + X_DM_CUSTOMERS) {
                String who = "hd" + i + "_" + RUN;
                record(who, "x:dm:", x.dm(who, xSimulator.brandId(), text));
            } else {
                String who = "hz" + i + "_" + RUN;
                record(who, "mastodon:dm:", mastodon.postQuickly(who, "@acme " + text, "direct", null));
            }
            pause(20);
        }
    }

    /** The customer's latest post, which their next public message answers (a thread); null for the first. */
    synchronized String previous(String who) {
        String key = conversationOf.get(who);
        if (key == null) {
            return null;
        }
        List<String> ids = expected.get(key);
        return ids.get(ids.size() - 1);
    }

    /** Notes a sent message: it begins the customer's conversation (key prefix + its id) or joins it. */
    synchronized Sent record(String who, String keyPrefix, String id) {
        String key = conversationOf.computeIfAbsent(who, w -> keyPrefix + id);
        expected.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        return new Sent(key, id);
    }

    /** The conversations of the customers who write in public threads (hx…, hy…), in the order they began. */
    synchronized List<String> publicThreads() {
        return expected.keySet().stream().filter(key -> conversationOf.entrySet().stream()
                .anyMatch(e -> e.getValue().equals(key) && (e.getKey().startsWith("hx") || e.getKey().startsWith("hy")))).toList();
    }

    synchronized Map<String, List<String>> snapshot() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        expected.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /**
     * Agents answer the first public conversations that have a ticket; answers: a tag each reply carries
     * -> the network it goes to.
     */
    Map<String, String> reply(Rt admin, Rt agent) {
        Map<String, String> replies = new LinkedHashMap<>();
        for (String key : publicThreads()) {
            if (replies.size() == AGENT_REPLIES) {
                break;
            }
            Optional<Long> ticket = admin.ticketForConversation(key);
            if (ticket.isPresent() && "No".equals(Rt.field(admin.ticket(ticket.get()), "Social Approval Required"))) {
                String tag = RUN + "-reply-" + replies.size();
                agent.reply(ticket.get(), "Sorry for the trouble, we are on it " + tag, "Public");
                replies.put(tag, key.substring(0, key.indexOf(':')));
            }
        }
        assertEquals(AGENT_REPLIES, replies.size(), "enough public conversations had tickets to answer");
        return replies;
    }

    /** Each hostile message got what it was named for; those filed carry what the issue promises. */
    void assertHostileOutcomes(Rt rt, Map<String, Long> ticketOf) {
        for (Hostile h : hostile) {
            Sent sent = hostileSent.get(h.name());
            if (h.expected() == Outcome.DEAD_LETTER) {
                continue; // checked with the dead-letter list
            }
            assertTrue(ticketOf.containsKey(sent.conversation()), h.name() + " is on a ticket: " + sent);
        }
        long poison = ticketOf.get(hostileSent.get("poison DM").conversation());
        assertTrue(rt.ticket(poison).path("Subject").asText().contains("my router is broken"),
                "the poison DM's subject is its words after the mentions: " + rt.ticket(poison).path("Subject"));
        assertTrue(firstMessage(rt, poison).contains(POISON_TEXT), "the poison DM's whole text is on its ticket");

        long overlong = ticketOf.get(hostileSent.get("overlong fediverse account").conversation());
        String handle = Rt.field(rt.ticket(overlong), "Social Handle");
        assertTrue(handle != null && handle.startsWith("@ho_" + RUN) && handle.length() <= 201,
                "the handle is cut to its 200-character column at the mapper: " + handle);
        String body = firstMessage(rt, overlong);
        assertTrue(body.contains("my parcel never came") && body.contains(OVERLONG_ACCT),
                "the message and the full handle are kept in the ticket's text: " + body.substring(0, Math.min(600, body.length())));

        long huge = ticketOf.get(hostileSent.get("text 100 times Mastodon's limit").conversation());
        assertTrue(firstMessage(rt, huge).contains(RUN + " my router keeps failing"), "the huge text is filed from its start");
    }

    static String firstMessage(Rt rt, long ticket) {
        for (JsonNode txn : rt.history(ticket)) {
            if ("Create".equals(txn.path("Type").asText())) {
                return rt.content(txn.path("id").asLong());
            }
        }
        throw new AssertionError("ticket " + ticket + " has no Create transaction");
    }

    /**
     * Every agent reply reached its network exactly once, and no two posts of the brand answer the same
     * post with the same text (X has no idempotency key: a retry after an unknown outcome would show here).
     * Answers how many replies were posted.
     */
    int assertNothingPostedTwice(Map<String, String> replies) {
        for (String tag : replies.keySet()) {
            Await.until("agent reply " + tag + " on " + replies.get(tag), Duration.ofMinutes(2), () -> Optional.of(tag)
                    .filter(t -> brandPosts().stream().anyMatch(p -> p.contains(t))));
        }
        List<String> posts = brandPosts();
        Map<String, Long> counts = posts.stream().collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
        counts.values().removeIf(n -> n == 1);
        assertTrue(counts.isEmpty(), "posted twice or more: " + counts);
        for (String tag : replies.keySet()) {
            assertEquals(1, posts.stream().filter(p -> p.contains(tag)).count(), "agent reply " + tag + " posted once: " + posts);
        }
        return replies.size();
    }

    /** What the brand posted on both simulators, one line each: where it went and its text. */
    static List<String> brandPosts() {
        String brand = xSimulator.brandId();
        List<String> posts = new ArrayList<>();
        for (JsonNode t : x.tweets()) {
            if (brand.equals(t.path("author_id").asText())) {
                posts.add("x reply to " + XSim.inReplyTo(t) + ": " + t.path("text").asText());
            }
        }
        for (JsonNode dm : x.dmEvents()) {
            if (brand.equals(dm.path("sender_id").asText())) {
                posts.add("x DM in " + dm.path("dm_conversation_id").asText() + ": " + dm.path("text").asText());
            }
        }
        for (JsonNode s : mastodon.statuses()) {
            if ("acme".equals(s.path("acct").asText())) {
                posts.add("mastodon " + s.path("visibility").asText() + " reply to " + s.path("in_reply_to_id").asText()
                        + ": " + s.path("text").asText());
            }
        }
        return posts;
    }

    // ---- the heap, from the JVM's own GC logs

    /** The largest heap in use after any collection and the largest heap committed, in MB, over every JVM of the run. */
    record Heap(long peakAfterGcMb, long committedMb, int collections) {
    }

    /** "Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.4ms": before, after and committed. */
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static Heap heap(List<Path> logs) throws IOException {
        long peak = 0;
        long committed = 0;
        int collections = 0;
        for (Path log : logs) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = COLLECTION.matcher(line);
                if (m.find()) {
                    collections++;
                    peak = Math.max(peak, megabytes(m.group(3), m.group(4)));
                    committed = Math.max(committed, megabytes(m.group(5), m.group(6)));
                }
            }
        }
        return new Heap(peak, committed, collections);
    }

    /** Rounded up, so a heap a kilobyte over the limit fails. */
    static long megabytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> (n + 1023) / 1024;
            case "G" -> n * 1024;
            default -> n;
        };
    }

    // ---- RT and waiting

    static void rtServer(String action) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "host/rt/rt-server.sh", action).inheritIO().start();
        assertEquals(0, p.waitFor(), "rt-server.sh " + action);
    }

    /** Tickets of this run so far (their subjects carry the run's tag). */
    static int ticketsOfThisRun(Rt rt) {
        String q = "'CF.{Social Conversation ID}' IS NOT NULL AND Subject LIKE '" + RUN + "'"; // any queue triage chose
        return rt.get("/tickets?per_page=1&query=" + Rt.enc(q)).path("total").asInt();
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; plugin log: " + karaf.logTail());
            }
            Thread.sleep(2000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
