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
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.simulator.x.XSimulator;

/**
 * {@code ./socialcare bench}: mention-to-ticket latency and throughput through the plugin in the real
 * Karaf against the real RT, beside tickets created directly through REST2 and through rt-mailgate.
 * Latency runs from the post's created_at (the simulator's clock, the same machine) to the moment the
 * ticket is first seen in RT, which is polled every 50 ms, so figures carry up to ~50 ms of that.
 */
public final class MentionToTicketBench {
    static final String TOKEN = "bench-" + UUID.randomUUID();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int paced = Math.max(5, n / 10);
        String tag = "b" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> lines = new ArrayList<>();
        try (XSimulator sim = XSimulator.start(EndToEnd.X_PORT, EndToEnd.BRAND, TOKEN,
                "bench-x-consumer-" + java.util.UUID.randomUUID(), 100);
             Karaf karaf = Karaf.fresh("bench", sim.baseUrl(), TOKEN)) {
            karaf.writeConfig("org.socialcarebridge.network.x", "baseUrl = " + sim.baseUrl() + "\nbearerToken = " + TOKEN
                    + "\nbrandHandle = acme\npollInterval = 250ms\n");
            karaf.start();
            XSim x = new XSim(sim.baseUrl());
            Rt root = RtAccounts.ofThisRun().admin.login();
            karaf.awaitRunning(Duration.ofSeconds(60), "x");

            System.out.printf("Warm-up and unloaded latency: %d mentions, one at a time%n", paced);
            Result unloaded = plugin(x, root, tag + "p", paced, true);
            System.out.printf("Burst: %d mentions posted at once%n", n);
            Result burst = plugin(x, root, tag + "b", n, false);
            karaf.stop();
            System.out.printf("REST2 directly: %d tickets, one client, one session%n", n);
            Result rest2 = rest2(root, tag, n);
            System.out.printf("rt-mailgate: %d tickets, one client%n", n);
            Result mailgate = mailgate(tag, n);

            lines.add(String.format(Locale.ROOT, "%-44s %6s %10s %10s %10s", "path", "n", "median ms", "p95 ms", "tickets/s"));
            lines.add(unloaded.row("plugin, one mention at a time (latency)"));
            lines.add(burst.row("plugin, burst of " + n + " (mention -> ticket)"));
            lines.add(rest2.row("REST2 create, session cookie (request)"));
            lines.add(mailgate.row("rt-mailgate (request)"));
            lines.add(String.format(Locale.ROOT, "throughput ratio plugin/REST2 = %.2f, plugin/rt-mailgate = %.2f",
                    burst.rate / rest2.rate, burst.rate / mailgate.rate));
            lines.add(String.format(Locale.ROOT, "unloaded latency ratio plugin/REST2 request = %.1f (median)",
                    unloaded.median() / rest2.median()));
        }
        System.out.println();
        lines.forEach(System.out::println);
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
            return String.format(Locale.ROOT, "%-44s %6d %10.0f %10.0f %10.2f", name, millis.size(), median(), percentile(0.95), rate);
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
            sleep(50);
        }
    }

    static long newestTicket(Rt root) {
        JsonNode page = root.get("/tickets?per_page=1&orderby=id&order=DESC&query=" + Rt.enc("id > 0"));
        return page.path("items").size() == 0 ? 0 : page.path("items").get(0).path("id").asLong();
    }

    static Result rest2(Rt root, String tag, int n) {
        List<Double> millis = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ObjectNode body = Rt.JSON.createObjectNode().put("Queue", "Social").put("Subject", "REST2 bench " + tag + " " + i)
                    .put("Requestor", "rest2-" + tag + "-" + i + "@example.test").put("Content", "bench").put("ContentType", "text/plain");
            long t0 = System.nanoTime();
            root.send("POST", "/ticket", body);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        return new Result(millis, n / ((System.nanoTime() - start) / 1e9));
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
