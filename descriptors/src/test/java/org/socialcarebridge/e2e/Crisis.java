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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.simulator.x.XSimulator;

/**
 * A crisis against the plugin in Karaf and the real RT, with its checks: mentions and direct messages over
 * X and Mastodon from many customers, each writing once a round, 1-2% of them hostile (the 7,525-character
 * poison DM, a fediverse account whose handle, name and address overflow their columns, a text 100 times
 * Mastodon's limit, unpaired surrogates, combining marks and bidi controls), every round at an even pace over
 * the spread. Karaf is killed with kill -9 after the first tickets while agents' replies are on their way, and
 * RT is stopped in the middle of the spread (or once Karaf is back, if later) while the last round arrives. Then: every message on exactly one ticket, in order per conversation, or dead-lettered with a
 * reason when it is one of those named as unprocessable (none of these: each is valid for its network);
 * no reply posted twice; heap after every GC within the limit, no OutOfMemoryError; health UP.
 * HostileBurstIT runs it at {@link Scale#SHORT} in CI, {@code ./socialcare bench crisis} at full size.
 */
final class Crisis {
    /** The kinds of hostile message, cycled: hostile message k is of kind k % 6 and goes out in round k % rounds. */
    static final int HOSTILE_KINDS = 6;
    static final int AGENT_REPLIES = 6;

    /**
     * How big: {@code rounds} messages per customer, customers of each kind (X threads, Mastodon threads, X
     * DMs, Mastodon DMs), hostile messages, how long posting them all takes, how long RT is down.
     */
    record Scale(int rounds, int xThreads, int mastodonThreads, int xDmCustomers, int mastodonDmCustomers, int hostile,
                 Duration spread, Duration rtOutage, Duration drainTimeout) {
        /** HostileBurstIT's size: 300 messages, 6 of them hostile, RT down a minute. */
        static final Scale SHORT = new Scale(6, 15, 15, 10, 9, 6, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofMinutes(12));

        /** {@code messages} in all, 1% of them hostile (6 at least), all over {@code spread}, RT down 2 minutes. */
        static Scale of(int messages, Duration spread) {
            int hostile = Math.max(HOSTILE_KINDS, messages / 100);
            int rounds = 6;
            int customers = Math.max(4, (messages - hostile) / rounds);
            // HostileBurstIT's mix: 15 X threads, 15 Mastodon threads, 10 X DMs, 9 Mastodon DMs of 49.
            int x = customers * 15 / 49;
            int m = customers * 15 / 49;
            int xd = customers * 10 / 49;
            return new Scale(rounds, x, m, xd, customers - x - m - xd, hostile, spread, Duration.ofMinutes(2),
                    Duration.ofMinutes(30).plus(Duration.ofMillis(messages * 600L)));
        }

        int customers() {
            return xThreads + mastodonThreads + xDmCustomers + mastodonDmCustomers;
        }

        int messages() {
            return rounds * customers() + hostile;
        }
    }

    /** What must become of a hostile message: a ticket like any other, or the dead-letter list with its reason. */
    enum Outcome { TICKET, DEAD_LETTER }

    /** A hostile message: its kind's name, its number, the round it goes out in, what must become of it, how it is sent. */
    record Hostile(String name, int number, int round, Outcome expected, java.util.function.Supplier<Sent> send) {
    }

    /** A message as sent: the conversation it starts (or joins) and its id on the network. */
    record Sent(String conversation, String id) {
    }

    /**
     * What the run measured: counts; times from the first message posted to the last posted, to everything
     * filed (filedAfter), from the last posted and from RT's return to everything filed; RT's outage; rates of
     * filing over the time to everything filed less the outage; heap.
     */
    record Report(int messages, int hostile, int tickets, int deadLetters, int repliesPostedOnce, long killedAtTickets,
                  Duration posting, Duration filedAfter, Duration drain, Duration afterRtBack, Duration outage,
                  double messagesPerSecond, double ticketsPerSecond, Heap heap, Duration wall) {
    }

    final Scale scale;
    final String run;
    final XSimulator xSimulator;
    final XSim x;
    final MastodonSim mastodon;
    final Karaf karaf;
    final String maxHeap;
    final long heapLimitMb;
    final String longDomain;
    final IntFunction<String> overlongAcct;
    final String poisonText = "@acme " + "@x ".repeat(2500) + "my router is broken";

    /** Conversation key -> the ids of its messages, in the order they were written. */
    final Map<String, List<String>> expected = new LinkedHashMap<>();
    /** Customer -> the conversation key their next message joins. */
    final Map<String, String> conversationOf = new HashMap<>();
    /** Hostile message -> what was sent. */
    final Map<Hostile, Sent> hostileSent = new LinkedHashMap<>();
    final List<Hostile> hostile;

    /** Whether the check reads RT's database ({@link RtDatabase}) rather than REST2. */
    final boolean readDatabase;

    Crisis(EndToEnd fixture, Scale scale, String run, String maxHeap, boolean readDatabase) {
        this.scale = scale;
        this.readDatabase = readDatabase;
        this.run = run;
        this.xSimulator = fixture.xSimulator();
        this.x = fixture.x();
        this.mastodon = fixture.mastodon();
        this.karaf = fixture.karaf();
        this.maxHeap = maxHeap;
        this.heapLimitMb = Long.parseLong(maxHeap.replaceAll("[^0-9]", ""));
        // A fediverse server on a long DNS name (three 62-character labels): the handle alone passes 200 characters.
        this.longDomain = ("l" + "o".repeat(59) + "ng.").repeat(3) + "support.example";
        this.overlongAcct = k -> "ho" + k + "_" + run + "@" + longDomain;
        this.hostile = IntStream.range(0, scale.hostile()).mapToObj(this::hostile).toList();
    }

    // ---- the hostile messages, each from a customer of its own

    Hostile hostile(int k) {
        int round = k % scale.rounds();
        return switch (k % HOSTILE_KINDS) {
            case 0 -> new Hostile("poison DM", k, round, Outcome.TICKET, () -> {
                // Valid on X (a DM may hold 10,000 characters); its subject once overflowed the filing thread's stack.
                String who = "hp" + k + "_" + run;
                return record(who, "x:dm:", x.dm(who, xSimulator.brandId(), poisonText));
            });
            case 1 -> new Hostile("overlong fediverse account", k, round, Outcome.TICKET, () -> {
                String acct = overlongAcct.apply(k);
                mastodon.remoteCustomer(acct, "Zoë " + "Ωmega-Support-Team ".repeat(25),
                        "https://" + longDomain + "/@ho" + k + "_" + run + "?ref=" + "a".repeat(1000));
                return record(acct, "mastodon:", mastodon.postQuickly(acct, "@acme " + run + " my parcel never came", "public", null));
            });
            case 2 -> new Hostile("text 100 times Mastodon's limit", k, round, Outcome.TICKET, () -> {
                // Another server's status keeps its own server's length; 500 is only this instance's limit.
                StringBuilder text = new StringBuilder("@acme " + run + " my router keeps failing, here is the whole log:\n");
                for (int line = 0; text.length() < 50_000; line++) {
                    text.append("line ").append(line).append(": the light blinks red, then the connection drops again.\n");
                }
                String acct = "hh" + k + "_" + run + "@akkoma.example";
                return record(acct, "mastodon:", mastodon.postQuickly(acct, text.toString(), "public", null));
            });
            case 3 -> new Hostile("half an emoji on X", k, round, Outcome.TICKET, () -> {
                // X cuts long texts inside an emoji now and then: a high surrogate with nothing after it.
                String who = "hs" + k + "_" + run;
                return record(who, "x:", x.tweet(who, "@acme " + run + " the app crashes when I open it \uD83D", null));
            });
            case 4 -> new Hostile("broken encodings in an X DM", k, round, Outcome.TICKET, () -> {
                String text = run + " \uFFFD\uFFFD caf\u00e9 ordered, e" + "\u0301".repeat(1000) + " \uD83D\uDC69\u200D\uD83D\uDC69"
                        + "\u200D\uD83D\uDC67 \uD800\uD800 \u0645\u0631\u062D\u0628\u0627 my order 1234 is missing \u202Eevil\u202C\u200B";
                String who = "hb" + k + "_" + run;
                return record(who, "x:dm:", x.dm(who, xSimulator.brandId(), text));
            });
            default -> new Hostile("lone low surrogate in a Mastodon DM", k, round, Outcome.TICKET, () -> {
                String who = "hm" + k + "_" + run;
                return record(who, "mastodon:dm:", mastodon.postQuickly(who, "@acme " + run
                        + " \uDE00 my card was charged twice \u202Eevil\u202C", "direct", null));
            });
        };
    }

    // ---- the run

    Report run() throws Exception {
        long began = System.nanoTime();
        assertTrue(karaf.commandLines().stream().anyMatch(c -> c.contains("-Xmx" + maxHeap)),
                "the plugin runs at -Xmx" + maxHeap + ": " + karaf.commandLines());
        Rt admin = RtAccounts.ofThisRun().admin.login();
        Rt agent = RtAccounts.ofThisRun().agent.login();
        int customers = scale.customers();
        long ticketsBefore = MentionToTicketBench.newestTicket(admin); // the drain's count reads only newer tickets

        // Every round at an even pace over the spread (message j at spread * j / count), the last round not before
        // RT is down, so that some messages arrive only while it is.
        CountDownLatch rtDown = new CountDownLatch(1);
        AtomicLong lastPosted = new AtomicLong();
        AtomicReference<Throwable> postingFailed = new AtomicReference<>();
        Thread burst = new Thread(() -> {
            try {
                int count = scale.rounds() * customers;
                for (int round = 0; round < scale.rounds(); round++) {
                    if (round == scale.rounds() - 1 && !rtDown.await(scale.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("RT was not stopped within " + scale.drainTimeout());
                    }
                    int r = round;
                    playRound(round, i -> pauseUntil(began + scale.spread().toNanos() * ((long) r * customers + i) / count));
                }
                lastPosted.set(System.nanoTime());
            } catch (Throwable e) {
                postingFailed.set(e);
            }
        }, "burst");
        burst.setDaemon(true); // a failed run must not wait for it (it may wait the drain timeout for RT to go down)
        burst.start();

        waitFor("the first tickets", Duration.ofMinutes(3), () -> ticketsOfThisRun(admin) >= 10);
        // Agents answer while filing goes on; the kill -9 right after catches those replies somewhere on their way.
        Map<String, String> replies = reply(admin, agent);
        karaf.kill();
        int killedAt = ticketsOfThisRun(admin);
        karaf.start();
        assertTrue(karaf.commandLines().stream().anyMatch(c -> c.contains("-Xmx" + maxHeap)), "after the restart too");

        // RT goes away in the middle of the posting (or once Karaf is back, if later); messages keep arriving and
        // wait in the plugin's database.
        pauseUntil(began + scale.spread().toNanos() / 2);
        rtServer("stop");
        long outageBegan = System.nanoTime();
        rtDown.countDown();
        JsonNode during;
        try {
            during = Await.until("messages waiting for RT", scale.rtOutage(), () -> Optional.of(karaf.health())
                    .filter(h -> h.path("waitingForTicket").asLong() > 0));
            pauseUntil(outageBegan + scale.rtOutage().toNanos());
            during = karaf.health();
        } finally {
            rtServer("start");
        }
        long rtBack = System.nanoTime();
        assertEquals("running", during.path("channels").path("x").path("state").asText(), "listening goes on: " + during);
        assertEquals("running", during.path("channels").path("mastodon").path("state").asText(), during.toString());
        burst.join();
        if (postingFailed.get() != null) {
            throw new AssertionError("posting the crisis failed", postingFailed.get());
        }

        Map<String, List<String>> all = snapshot();
        Set<String> customerIds = all.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        int total = all.values().stream().mapToInt(List::size).sum();
        assertEquals(scale.messages(), total);
        assertEquals(customers + hostile.size(), all.size(), "one conversation per customer");
        Set<String> expectedDead = hostile.stream().filter(h -> h.expected() == Outcome.DEAD_LETTER)
                .map(h -> hostileSent.get(h).id()).collect(Collectors.toSet());
        // The poison DMs' subjects hold no run tag (their text is fixed): the filed conversations the tag does not find.
        long poison = hostile.stream().filter(h -> h.name().equals("poison DM")).count();
        long tagged = all.values().stream().filter(ids -> !expectedDead.containsAll(ids)).count() - poison;

        Rt after = RtAccounts.ofThisRun().admin.login(); // RT was restarted: a new session
        // Drained: nothing waiting, the dead letters there, and every message on RT (counted in RT's database, every
        // 5 s; through REST2 only every conversation's ticket can be counted cheaply, the check below reads the rest).
        BooleanSupplier onRt = readDatabase ? () -> RtDatabase.postsFiled(customerIds, ticketsBefore) >= total - expectedDead.size()
                : () -> ticketsOfThisRun(after) >= tagged;
        waitFor("every message filed or dead-lettered", scale.drainTimeout(), readDatabase ? 5000 : 1000, () -> {
            JsonNode h = karaf.health();
            return h.path("waitingForTicket").asLong() == 0 && h.path("deadLetters").asLong() >= expectedDead.size()
                    && onRt.getAsBoolean();
        });
        long drained = System.nanoTime();

        // Dead letters: exactly the named unprocessable ones, each with its reason, nothing else of this run.
        JsonNode deadLetters = karaf.admin("GET", "/dead-letters?limit=1000");
        Map<String, String> dead = new TreeMap<>();
        for (JsonNode d : deadLetters.path("messages")) {
            dead.put(d.path("messageId").asText(), d.path("reason").asText(""));
        }
        assertEquals(expectedDead, dead.keySet(), "dead letters are only the messages named as unprocessable: " + deadLetters);
        dead.forEach((id, reason) -> assertFalse(reason.isBlank(), "dead letter " + id + " says why: " + deadLetters));
        assertEquals(expectedDead.size(), karaf.health().path("deadLetters").asLong(), karaf.health().toString());

        // One ticket per conversation, each message on it exactly once, in order.
        Filed filed = readDatabase ? RtDatabase.filed(customerIds) : Filed.throughRest2(after, all.keySet(), customerIds);
        List<String> problems = new ArrayList<>();
        Map<String, Long> ticketOf = new HashMap<>();
        int messages = 0;
        for (Map.Entry<String, List<String>> conversation : all.entrySet()) {
            List<String> want = conversation.getValue().stream().filter(id -> !expectedDead.contains(id)).toList();
            List<Long> tickets = filed.ticketsOf(conversation.getKey());
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
            List<String> onTicket = filed.postsOn(tickets.get(0));
            messages += onTicket.size();
            if (!onTicket.equals(want)) {
                problems.add(conversation.getKey() + " expected " + want + " in order, ticket holds " + onTicket);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " conversations wrong (killed at " + killedAt + " tickets): "
                + problems.subList(0, Math.min(20, problems.size())));
        assertEquals(total - expectedDead.size(), messages);
        assertEquals(tagged, ticketsOfThisRun(after), "no stray tickets");

        assertHostileOutcomes(after, ticketOf);
        int posted = assertNothingPostedTwice(replies);
        Heap heap = heap(karaf.gcLogs());
        assertTrue(heap.collections() > 0, "the GC logs hold collections: " + karaf.gcLogs());
        assertTrue(heap.peakAfterGcMb() <= heapLimitMb && heap.committedMb() <= heapLimitMb,
                "heap after GC " + heap.peakAfterGcMb() + " MB, committed " + heap.committedMb() + " MB, limit " + heapLimitMb);
        String logs = karaf.log() + Files.readString(karaf.home.resolve("console.out"), StandardCharsets.UTF_8);
        assertFalse(logs.contains("OutOfMemoryError"), "no OutOfMemoryError in karaf.log or console.out");
        JsonNode up = Await.until("health UP", Duration.ofMinutes(2), () -> Optional.of(karaf.health())
                .filter(h -> "UP".equals(h.path("status").asText())));
        if (Karaf.REAL_TIME) { // the run proves concurrent filing only if the plugin filed concurrently
            assertEquals(EndToEnd.FILING_CONCURRENCY, up.path("filingConcurrency").path("setting").asInt(), up.toString());
        }

        // Filing time: first message to the last filed, less RT's outage (nothing can be filed while RT is down); the
        // kill -9 and Karaf's restart stay in it.
        Duration outage = Duration.ofNanos(rtBack - outageBegan);
        double filing = (drained - began - outage.toNanos()) / 1e9;
        return new Report(total, hostile.size(), ticketOf.size(), dead.size(), posted, killedAt,
                Duration.ofNanos(lastPosted.get() - began), Duration.ofNanos(drained - began), Duration.ofNanos(drained - lastPosted.get()),
                Duration.ofNanos(drained - rtBack), outage, (total - expectedDead.size()) / filing, ticketOf.size() / filing, heap,
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** One round: every customer writes once, conversation by conversation, with this round's hostile messages among them. */
    void playRound(int round, java.util.function.IntConsumer pace) {
        int customers = scale.customers();
        List<Hostile> now = hostile.stream().filter(h -> h.round() == round).toList();
        int next = 0;
        for (int i = 0; i < customers; i++) {
            // This round's hostile messages spread through it, the first a little later each round.
            while (next < now.size() && i == (customers * (next + 1) / (now.size() + 1) + round) % customers) {
                Hostile h = now.get(next++);
                Sent sent = h.send().get();
                synchronized (this) {
                    hostileSent.put(h, sent);
                }
            }
            pace.accept(i);
            String text = run + " customer " + i + " message " + round;
            if (i < scale.xThreads()) {
                String who = "hx" + i + "_" + run;
                record(who, "x:", x.tweet(who, "@acme " + text, previous(who)));
            } else if (i < scale.xThreads() + scale.mastodonThreads()) {
                String who = "hy" + i + "_" + run;
                record(who, "mastodon:", mastodon.postQuickly(who, "@acme " + text, "public", previous(who)));
            } else if (i < scale.xThreads() + scale.mastodonThreads() + scale.xDmCustomers()) {
                String who = "hd" + i + "_" + run;
                record(who, "x:dm:", x.dm(who, xSimulator.brandId(), text));
            } else {
                String who = "hz" + i + "_" + run;
                record(who, "mastodon:dm:", mastodon.postQuickly(who, "@acme " + text, "direct", null));
            }
        }
        // Those placed past the last customer (a round with more hostile messages than customers).
        for (; next < now.size(); next++) {
            Hostile h = now.get(next);
            Sent sent = h.send().get();
            synchronized (this) {
                hostileSent.put(h, sent);
            }
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
        Set<String> threads = conversationOf.entrySet().stream()
                .filter(e -> e.getKey().startsWith("hx") || e.getKey().startsWith("hy")).map(Map.Entry::getValue)
                .collect(Collectors.toSet());
        return expected.keySet().stream().filter(threads::contains).toList();
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
                String tag = run + "-reply-" + replies.size();
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
            Sent sent = hostileSent.get(h);
            if (h.expected() == Outcome.DEAD_LETTER) {
                continue; // checked with the dead-letter list
            }
            long ticket = ticketOf.getOrDefault(sent.conversation(), -1L);
            assertTrue(ticket > 0, h.name() + " " + h.number() + " is on a ticket: " + sent);
            if (h.number() >= HOSTILE_KINDS) {
                continue; // each kind's content is read through REST2 once: the rest are counted above
            }
            switch (h.name()) {
                case "poison DM" -> {
                    assertTrue(rt.ticket(ticket).path("Subject").asText().contains("my router is broken"),
                            "the poison DM's subject is its words after the mentions: " + rt.ticket(ticket).path("Subject"));
                    assertTrue(firstMessage(rt, ticket).contains(poisonText), "the poison DM's whole text is on its ticket");
                }
                case "overlong fediverse account" -> {
                    String handle = Rt.field(rt.ticket(ticket), "Social Handle");
                    assertTrue(handle != null && handle.startsWith("@ho" + h.number() + "_" + run) && handle.length() <= 201,
                            "the handle is cut to its 200-character column at the mapper: " + handle);
                    String body = firstMessage(rt, ticket);
                    assertTrue(body.contains("my parcel never came") && body.contains(overlongAcct.apply(h.number())),
                            "the message and the full handle are kept in the ticket's text: "
                                    + body.substring(0, Math.min(600, body.length())));
                }
                case "text 100 times Mastodon's limit" -> assertTrue(firstMessage(rt, ticket).contains(run + " my router keeps failing"),
                        "the huge text is filed from its start");
                default -> {
                }
            }
        }
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
    List<String> brandPosts() {
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

    // ---- what RT holds

    /** Where the customers' messages were filed: the tickets of each conversation and the posts on each ticket, in order. */
    interface Filed {
        List<Long> ticketsOf(String conversation);

        /** The customers' posts filed on the ticket (Create or Correspond with a Social Post ID), in transaction order. */
        List<String> postsOn(long ticket);

        /** Through REST2, as an administrator sees it: two requests per conversation and one per transaction. */
        static Filed throughRest2(Rt rt, Set<String> conversations, Set<String> customerIds) {
            return new Filed() {
                @Override
                public List<Long> ticketsOf(String conversation) {
                    return rt.ticketsForConversation(conversation);
                }

                @Override
                public List<String> postsOn(long ticket) {
                    List<String> onTicket = new ArrayList<>();
                    for (JsonNode txn : rt.history(ticket)) {
                        String id = Rt.field(txn, "Social Post ID");
                        String type = txn.path("Type").asText();
                        if (customerIds.contains(id) && ("Create".equals(type) || "Correspond".equals(type))) {
                            onTicket.add(id);
                        }
                    }
                    return onTicket;
                }
            };
        }
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
    int ticketsOfThisRun(Rt rt) {
        String q = "'CF.{Social Conversation ID}' IS NOT NULL AND Subject LIKE '" + run + "'"; // any queue triage chose
        return rt.get("/tickets?per_page=1&query=" + Rt.enc(q)).path("total").asInt();
    }

    void waitFor(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        waitFor(what, timeout, 1000, done);
    }

    void waitFor(String what, Duration timeout, long everyMillis, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; plugin log: " + karaf.logTail());
            }
            Thread.sleep(everyMillis);
        }
    }

    private static void pauseUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
