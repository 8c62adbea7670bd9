package org.socialcarebridge.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./socialcare bench [N]}: mention-to-ticket latency and throughput through the plugin in the real
 * Karaf against the real RT (X events by signed webhook, {@link EndToEnd#FILING_CONCURRENCY} conversations
 * filed at a time), beside what RT itself takes in the same run: REST2 creates from as many parallel clients
 * as the plugin files at a time (RT's ceiling), from one sequential client, and rt-mailgate.
 * Latency runs from the post's created_at (the simulator's clock, the same machine) to the moment the
 * ticket is first seen in RT, which is polled every 50 ms one at a time (every 500 ms in a burst, so as not to
 * load RT while it is measured), so figures carry up to that much of it.
 * {@code ./socialcare bench crisis [N] [minutes]}: the {@link Crisis} at full size, see {@link #crisis}.
 */
public final class MentionToTicketBench {
    /** Issue 17's targets: burst / ceiling, burst / one REST2 client, latency median over REST2's create median. */
    static final double CEILING_TARGET = 0.9;
    static final double ONE_CLIENT_TARGET = 1.0;
    static final double LATENCY_TARGET_MS = 300;
    /** The requests filing a message makes (RtGateway), as RtProxy names them. */
    static final List<String> FILING_REQUESTS = List.of("POST /SocialCare/Ticket", "POST /SocialCare/Customer", "POST /REST/2.0/ticket",
            "POST /SocialCare/TransactionCustomField", "GET /REST/2.0/ticket/{id}", "POST /REST/2.0/ticket/{id}/correspond");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("crisis")) {
            crisis(args.length > 1 ? Integer.parseInt(args[1]) : 10_000, args.length > 2 ? Double.parseDouble(args[2]) : 2);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int c = EndToEnd.FILING_CONCURRENCY;
        int paced = Math.max(5, n / 10);
        String tag = "b" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> lines = new ArrayList<>();
        boolean met;
        try (EndToEnd desk = EndToEnd.karaf("bench").withXIntake("webhook").withFilingConcurrency(c).withShippedRtTimers().withRtProxy()
                .start()) {
            Karaf karaf = desk.karaf();
            XSim x = desk.x();
            Rt root = RtAccounts.ofThisRun().admin.login();
            karaf.awaitRunning(Duration.ofSeconds(60), "x");

            System.out.printf("Warm-up and unloaded latency: %d mentions, one at a time%n", paced);
            Result unloaded = plugin(x, root, tag + "p", paced, true);
            System.out.printf("Burst: %d mentions posted at once%n", n);
            Map<String, Long> before = desk.rtProxy().requests();
            Result burst = plugin(x, root, tag + "b", n, false);
            Map<String, Long> during = desk.rtProxy().requests();
            karaf.stop();
            System.out.printf("REST2 directly: %d tickets, %d parallel clients, each its own session%n", n, c);
            Result ceiling = rest2(tag + "c", n, c);
            System.out.printf("REST2 directly: %d tickets, one client, one session%n", n);
            Result rest2 = rest2(tag, n, 1);
            System.out.printf("rt-mailgate: %d tickets, one client%n", n);
            Result mailgate = mailgate(tag, n);

            lines.add(String.format(Locale.ROOT, "X by webhook (the plugin registers it), filing concurrency %s, RT's ceiling"
                    + " measured with %d clients", Karaf.REAL_TIME ? String.valueOf(c) : "the plugin's default (bench.realtime=false)", c));
            lines.add(String.format(Locale.ROOT, "%-48s %6s %10s %10s %10s", "path", "n", "median ms", "p95 ms", "tickets/s"));
            lines.add(unloaded.row("plugin, one mention at a time (post -> ticket)"));
            lines.add(burst.row("plugin, burst of " + n + " (post -> ticket)"));
            lines.add(ceiling.row("REST2 create, " + c + " clients (RT's ceiling, request)"));
            lines.add(rest2.row("REST2 create, one client (request)"));
            lines.add(mailgate.row("rt-mailgate, one client (request)"));
            met = burst.rate / ceiling.rate >= CEILING_TARGET && burst.rate / rest2.rate >= ONE_CLIENT_TARGET;
            lines.add(ratio("burst / RT's ceiling", burst.rate / ceiling.rate, ">= " + CEILING_TARGET, burst.rate / ceiling.rate >= CEILING_TARGET));
            lines.add(ratio("burst / REST2 one client", burst.rate / rest2.rate, ">= " + ONE_CLIENT_TARGET, burst.rate / rest2.rate >= ONE_CLIENT_TARGET));
            lines.add(ratio("burst / rt-mailgate", burst.rate / mailgate.rate, "", true));
            // Every request the plugin sent RT during the burst, its reconciling searches included, per ticket of the burst.
            Map<String, Long> sent = new java.util.TreeMap<>();
            during.forEach((k, v) -> sent.put(k, v - before.getOrDefault(k, 0L)));
            sent.values().removeIf(v -> v == 0);
            long all = sent.values().stream().mapToLong(Long::longValue).sum();
            lines.add(String.format(Locale.ROOT, "%-48s %10.2f  (%s)", "RT requests per new ticket (burst, all kinds)",
                    all / (double) n, sent.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", "))));
            // Filing's own: the rest are timers (reconciling searches, reply windows, the VIP list) that run idle too.
            long filing = sent.entrySet().stream().filter(e -> FILING_REQUESTS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            lines.add(String.format(Locale.ROOT, "%-48s %10.2f  (%s)", "RT requests per new ticket (filing's own)",
                    filing / (double) n, String.join(", ", FILING_REQUESTS)));
            double over = unloaded.median() - rest2.median();
            lines.add(String.format(Locale.ROOT, "%-48s %+9.0f ms  target <= +%.0f ms  %s", "latency median - REST2 create median",
                    over, LATENCY_TARGET_MS, over <= LATENCY_TARGET_MS ? "met" : "NOT MET"));
            met &= over <= LATENCY_TARGET_MS;
        }
        System.out.println();
        lines.forEach(System.out::println);
        exitUnless(met);
    }

    static String ratio(String name, double value, String target, boolean met) {
        return String.format(Locale.ROOT, "%-48s %10.2f  %s", name, value,
                target.isEmpty() ? "" : "target " + target + "  " + (met ? "met" : "NOT MET"));
    }

    /**
     * {@code ./socialcare bench crisis [N] [minutes]}: RT's ceiling (REST2 creates from as many clients as the
     * plugin files at a time, 1 in 20 of N, at least 50) measured first, then the {@link Crisis} at N messages
     * over the minutes with its checks: X by webhook, Mastodon by its stream, the plugin at -Xmx256m, kill -9
     * once, RT down 2 minutes. The check reads RT's database where it may ({@link RtDatabase}), else REST2.
     */
    static void crisis(int n, double minutes) throws Exception {
        int c = EndToEnd.FILING_CONCURRENCY;
        String run = "c" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Crisis.Scale scale = Crisis.Scale.of(n, Duration.ofMillis((long) (minutes * 60_000)));
        // The crisis's own mix: conversations of `rounds` messages, a create then corresponds, in order.
        int conversations = Math.max(10, n / 20 / scale.rounds());
        System.out.printf("RT's ceiling: %d conversations of %d messages, %d parallel clients, each its own session%n",
                conversations, scale.rounds(), c);
        Result ceiling = rest2(run + "c", conversations, scale.rounds(), c);
        System.out.printf("Crisis: %d messages (%d customers, %d rounds, %d hostile) over %.1f minutes%n",
                scale.messages(), scale.customers(), scale.rounds(), scale.hostile(), minutes);
        String heap = "256m";
        Crisis.Report r;
        try (EndToEnd desk = EndToEnd.karaf("crisis").withXIntake("webhook").withMastodonStream().withFilingConcurrency(c)
                .withShippedRtTimers().withAdminToken().withMaxHeap(heap).withGcLog().start()) {
            try {
                r = new Crisis(desk, scale, run, heap, RtDatabase.readable()).run();
            } finally {
                Crisis.rtServer("start");
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-52s %s", "messages (hostile) / tickets / dead letters",
                r.messages() + " (" + r.hostile() + ") / " + r.tickets() + " / " + r.deadLetters()));
        lines.add(String.format(Locale.ROOT, "%-52s %s", "every message on one ticket, in order; replies once",
                "yes (" + r.repliesPostedOnce() + " agent replies), kill -9 after " + r.killedAtTickets() + " tickets"));
        lines.add(String.format(Locale.ROOT, "%-52s %.1f s", "posting (first message to last)", r.posting().toMillis() / 1e3));
        lines.add(String.format(Locale.ROOT, "%-52s %.1f s from the first message, %.1f s after the last (%.1f s after RT came back)",
                "drain (every message on its ticket)", r.filedAfter().toMillis() / 1e3, r.drain().toMillis() / 1e3,
                r.afterRtBack().toMillis() / 1e3));
        lines.add(String.format(Locale.ROOT, "%-52s %.1f s", "of that, RT down (kill -9 and restart of Karaf included above)",
                r.outage().toMillis() / 1e3));
        lines.add(String.format(Locale.ROOT, "%-52s %.2f (%.2f tickets/s)", "messages filed / s (drain less RT's outage)",
                r.messagesPerSecond(), r.ticketsPerSecond()));
        lines.add(String.format(Locale.ROOT, "%-52s %.2f (median request %.0f ms)", "RT's ceiling, REST2 messages / s, same mix ("
                + c + " clients)", ceiling.rate, ceiling.median()));
        boolean met = r.messagesPerSecond() / ceiling.rate >= CEILING_TARGET;
        lines.add(ratio("filed / ceiling", r.messagesPerSecond() / ceiling.rate, ">= " + CEILING_TARGET, met));
        lines.add(String.format(Locale.ROOT, "%-52s %d MB after GC, %d MB committed, of %s (%d collections)", "peak heap",
                r.heap().peakAfterGcMb(), r.heap().committedMb(), heap, r.heap().collections()));
        lines.add(String.format(Locale.ROOT, "%-52s %d s", "wall", r.wall().toSeconds()));
        System.out.println();
        lines.forEach(System.out::println);
        exitUnless(met);
    }

    /** A target not met ends the benchmark with exit status 3, after its whole table is printed, so scripts see it. */
    static void exitUnless(boolean allMet) {
        if (!allMet) {
            System.out.println("A target was NOT MET (exit status 3).");
            System.exit(3);
        }
    }

    record Result(List<Double> millis, double rate) {
        double median() {
            return percentile(0.50);
        }

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }

        String row(String name) {
            return String.format(Locale.ROOT, "%-48s %6d %10.0f %10.0f %10.2f", name, millis.size(), median(), percentile(0.95), rate);
        }
    }


    /** Posts mentions as distinct customers and times each until its ticket is seen in RT. */
    static Result plugin(XSim x, Rt root, String tag, int n, boolean oneAtATime) {
        long floor = newestTicket(root);
        Map<String, Instant> created = new HashMap<>();
        Map<String, Instant> seen = new HashMap<>();
        Instant start = Instant.now();
        for (int i = 0; i < n; i++) {
            String text = "@acme bench " + tag + " " + i;
            x.tweet(tag + i, text, null);
            created.put(tag + " " + i, null);
            if (oneAtATime) {
                watch(root, floor, tag, seen, created.size());
            }
        }
        watch(root, floor, tag, seen, n);
        Instant end = seen.values().stream().max(Instant::compareTo).orElseThrow();
        for (JsonNode t : x.tweets()) {
            String text = t.path("text").asText();
            if (text.startsWith("@acme bench " + tag + " ")) {
                created.put(text.substring("@acme bench ".length()), Instant.parse(t.path("created_at").asText()));
            }
        }
        List<Double> millis = new ArrayList<>();
        seen.forEach((key, at) -> millis.add(Duration.between(created.get(key), at).toNanos() / 1e6));
        return new Result(millis, n / (Duration.between(start, end).toNanos() / 1e9));
    }

    /** Polls RT for new tickets of this run until {@code want} are seen; records when each first appears. */
    static void watch(Rt root, long floor, String tag, Map<String, Instant> seen, int want) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long after = floor;
        while (seen.size() < want) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen.size() + " of " + want + " tickets appeared within 10 minutes");
            }
            JsonNode page = root.get("/tickets?per_page=100&orderby=id&order=ASC&fields=Subject&query="
                    + Rt.enc("'CF.{Social Conversation ID}' IS NOT NULL AND id > " + after));
            Instant now = Instant.now();
            for (JsonNode t : page.path("items")) {
                after = Math.max(after, t.path("id").asLong());
                String subject = t.path("Subject").asText();
                String prefix = "X: bench " + tag + " ";
                if (subject.startsWith(prefix)) {
                    seen.putIfAbsent(tag + " " + subject.substring(prefix.length()), now);
                }
            }
            // A burst's watcher must not load RT while it is measured: every 50 ms one at a time, every 500 ms in a burst.
            sleep(want > 10 ? 500 : 50);
        }
    }

    static long newestTicket(Rt root) {
        JsonNode page = root.get("/tickets?per_page=1&orderby=id&order=DESC&query=" + Rt.enc("id > 0"));
        return page.path("items").size() == 0 ? 0 : page.path("items").get(0).path("id").asLong();
    }

    /**
     * {@code n} REST2 creates from {@code clients} parallel clients, each logged in with a session of its own
     * (as the plugin's filing threads share one RT user): the rate is n over the wall time of all.
     */
    static Result rest2(String tag, int n, int clients) throws InterruptedException {
        return rest2(tag, n, 1, clients);
    }

    /**
     * {@code conversations} conversations of {@code messagesEach} messages through REST2 from {@code clients}
     * parallel clients, each with a session of its own and a conversation at a time, in order: a create, then
     * a correspond per further message, as the plugin files them. The rate is messages over the wall time of
     * all, one time per request.
     */
    static Result rest2(String tag, int conversations, int messagesEach, int clients) throws InterruptedException {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Rt> sessions = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            sessions.add(RtAccounts.ofThisRun().admin.login());
        }
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        long start = System.nanoTime();
        for (Rt rt : sessions) {
            Thread client = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < conversations && failed.get() == null; i = next.getAndIncrement()) {
                    try {
                        ObjectNode body = Rt.JSON.createObjectNode().put("Queue", "Social").put("Subject", "REST2 bench " + tag + " " + i)
                                .put("Requestor", "rest2-" + tag + "-" + i + "@example.test").put("Content", "bench")
                                .put("ContentType", "text/plain");
                        long t0 = System.nanoTime();
                        long ticket = rt.send("POST", "/ticket", body).path("id").asLong();
                        millis.add((System.nanoTime() - t0) / 1e6);
                        for (int m = 1; m < messagesEach; m++) {
                            ObjectNode more = Rt.JSON.createObjectNode().put("Content", "bench " + m).put("ContentType", "text/plain");
                            t0 = System.nanoTime();
                            rt.send("POST", "/ticket/" + ticket + "/correspond", more);
                            millis.add((System.nanoTime() - t0) / 1e6);
                        }
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                        return;
                    }
                }
            }, "rest2-client");
            client.start();
            threads.add(client);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return new Result(new ArrayList<>(millis), (double) conversations * messagesEach / ((System.nanoTime() - start) / 1e9));
    }

    /** RT's own e-mail intake, which needs CreateTicket for Everyone on the queue: granted for the run only. */
    static Result mailgate(String tag, int n) throws Exception {
        everyoneMayCreate(true);
        try {
            List<Double> millis = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String mail = "From: mail-" + tag + "-" + i + "@example.test\nTo: rt@example.test\nSubject: mailgate bench "
                        + tag + " " + i + "\nContent-Type: text/plain\n\nbench\n";
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder("rt-mailgate-5", "--queue", "Social", "--action", "correspond", "--url", Rt.URL)
                        .redirectErrorStream(true).start();
                p.getOutputStream().write(mail.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("rt-mailgate failed: " + out);
                }
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            return new Result(millis, n / ((System.nanoTime() - start) / 1e9));
        } finally {
            everyoneMayCreate(false);
        }
    }

    static void everyoneMayCreate(boolean grant) throws IOException, InterruptedException {
        String perl = "use lib '/usr/share/request-tracker5/lib'; use RT; RT::LoadConfig(); RT::Init();"
                + " my $q = RT::Queue->new(RT->SystemUser); $q->Load('Social');"
                + " my $g = RT::Group->new(RT->SystemUser); $g->LoadSystemInternalGroup('Everyone');"
                + " $g->PrincipalObj->" + (grant ? "GrantRight" : "RevokeRight") + "(Right => $_, Object => $q) for qw(CreateTicket ReplyToTicket);";
        Process p = new ProcessBuilder("perl", "-e", perl).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
