package org.socialcarebridge.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.simulator.meta.MetaSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * {@code ./socialcare bench webhooks [N]}: the plugin's Meta webhook in the real Karaf against the real RT.
 * <ol>
 * <li>N signed deliveries (default 10,000) batched as Meta batches them: most carry one entry, some
 * several (up to ten), every twentieth is a retry of an earlier delivery's exact bytes. Facebook comments
 * and Messenger messages, about ten per customer, a customer's messages spread over many deliveries so
 * they arrive concurrently. Sent as fast as the machine allows over at most {@value #CONNECTIONS}
 * connections (the webhook's default {@code concurrentDeliveries}); a 500 or 503 is sent again, as Meta
 * does. Prints the acknowledgement latency (request to 200, i.e. until the entries are in the ledger)
 * median and p99, deliveries and messages per second.</li>
 * <li>Waits until every message is filed, then proves by counting through REST2 that each message is on
 * exactly one ticket (the Social Post ID of each ticket's Create and Correspond transactions), and that
 * nothing was dead-lettered or filtered.</li>
 * <li>The same number of forged deliveries (a wrong app secret, every tenth unsigned) at the rate the
 * signed ones reached: prints the 401 and 403 answers, what the webhook's counters on the health
 * endpoint say, and the plugin's heap after a full collection before and after (the attach API on
 * Karaf's JVM): the forged ones cost no memory.</li>
 * </ol>
 * Numbers are printed, not asserted; the command fails only when the count finds a message missing or
 * twice. The bench makes its own Page ids (numeric, as Meta's), so its customers are unknown to the
 * simulator's Graph API, which the plugin needs only for its Page here.
 */
public final class MetaWebhookBench {
    /** Concurrent connections, the webhook's default concurrentDeliveries. */
    static final int CONNECTIONS = 16;
    /** About this many messages per customer: a customer's later messages join their ticket. */
    static final int MESSAGES_PER_CUSTOMER = 10;
    /** Every this-many-th delivery is a retry of an earlier one, as Meta retries and duplicates deliveries. */
    static final int DUPLICATE_EVERY = 20;
    static final int COUNT_THREADS = 4;
    /** Meta escapes non-ASCII and slashes in what it sends; so does the bench, the plugin must check those bytes. */
    private static final ObjectWriter ESCAPING = Rt.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    public static void main(String[] args) throws Exception {
        System.exit(run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000) ? 0 : 1);
    }

    /**
     * Runs the benchmark with {@code n} signed deliveries (and as many forged), printing its numbers;
     * answers whether every message is on exactly one ticket and nothing was dead-lettered.
     */
    static boolean run(int n) throws Exception {
        if (n < 1) {
            throw new IllegalArgumentException("The number of deliveries must be at least 1, got " + n);
        }
        // Digits only: the ids built from it are numeric, as Meta's are.
        String run = String.valueOf(100_000_000 + System.currentTimeMillis() % 900_000_000L);
        String xToken = "bench-x-" + UUID.randomUUID();
        String pageToken = "bench-meta-page-" + UUID.randomUUID();
        String appSecret = UUID.randomUUID().toString().replace("-", "");
        String verifyToken = "bench-meta-verify-" + UUID.randomUUID();
        boolean proved;
        try (XSimulator x = XSimulator.start(EndToEnd.X_PORT, EndToEnd.BRAND, xToken,
                "bench-x-consumer-" + UUID.randomUUID(), 100);
             MetaSimulator meta = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(EndToEnd.META_PORT)
                     .withPageName(EndToEnd.BRAND).withSecrets(pageToken, appSecret, verifyToken)
                     .withWhatsAppToken("bench-whatsapp-" + UUID.randomUUID())
                     .withCallbackUrl(Karaf.META_WEBHOOK).withRateLimitMultiplier(100));
             Karaf karaf = Karaf.fresh("bench-webhooks", x.baseUrl(), xToken)) {
            karaf.withFacebook(meta.baseUrl(), meta.pageId(), pageToken, appSecret, verifyToken);
            karaf.start();
            awaitWebhook(verifyToken);
            Rt root = RtAccounts.ofThisRun().admin.login();
            long floor = MentionToTicketBench.newestTicket(root);
            Random random = new Random(15);

            Plan signed = Plan.of(n, "1" + run, meta.pageId(), random);
            System.out.printf(Locale.ROOT, "Signed: %d deliveries, %d entries (%d retried duplicates), %d messages of %d"
                    + " customers, %d connections%n", n, signed.entries(), signed.duplicates, signed.messages.size(),
                    signed.customers, CONNECTIONS);
            JsonNode before = karaf.health();
            Sent ok = send(signed.requests(key(appSecret), 0), CONNECTIONS, 0, true);
            ok.print("signed");
            double seconds = ok.wallNanos / 1e9;
            System.out.printf(Locale.ROOT, "  %.0f deliveries/s, %.0f messages/s (new messages acknowledged),"
                    + " ack latency median %.1f ms, p99 %.1f ms, %d sent again after 500/503/no answer%n",
                    n / seconds, signed.messages.size() / seconds, ok.percentile(0.50), ok.percentile(0.99), ok.resent.get());

            awaitFiled(karaf, signed.messages.size());
            Count count = count(floor, signed);
            JsonNode after = karaf.health();
            long dead = after.path("deadLetters").asLong() - before.path("deadLetters").asLong();
            long filtered = after.path("filteredAsNoise").asLong() - before.path("filteredAsNoise").asLong();
            count.print();
            System.out.printf(Locale.ROOT, "  dead letters: %d new, filtered as noise: %d new%n", dead, filtered);
            proved = count.exact() && dead == 0 && ok.failed() == 0;

            Plan forgedPlan = Plan.of(n, "2" + run, meta.pageId(), random);
            byte[] wrongKey = UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.UTF_8);
            OptionalLong heapBefore = heapAfterCollection(karaf);
            JsonNode webhookBefore = karaf.health().path("webhook:meta");
            double rate = n / seconds;
            Sent forged = send(forgedPlan.requests(key(wrongKey), 10), CONNECTIONS, rate, false);
            OptionalLong heapAfter = heapAfterCollection(karaf);
            JsonNode webhookAfter = karaf.health().path("webhook:meta");
            System.out.printf(Locale.ROOT, "Forged: %d deliveries (a wrong app secret, every tenth unsigned) paced at %.0f/s%n",
                    n, rate);
            forged.print("forged");
            System.out.printf(Locale.ROOT, "  %.0f deliveries/s; the webhook counted %d unsigned (401), %d forged (403),"
                            + " %d deliveries and %d events taken%n", n / (forged.wallNanos / 1e9),
                    delta(webhookBefore, webhookAfter, "unsigned"), delta(webhookBefore, webhookAfter, "forged"),
                    delta(webhookBefore, webhookAfter, "deliveries"), delta(webhookBefore, webhookAfter, "events"));
            long refused = forged.statuses.entrySet().stream().filter(e -> e.getKey() == 401 || e.getKey() == 403)
                    .mapToLong(e -> e.getValue().sum()).sum();
            if (refused != n) {
                System.out.printf(Locale.ROOT, "  FAILED: only %d of the %d forged deliveries were refused with 401/403%n",
                        refused, n);
                proved = false;
            }
            if (heapBefore.isPresent() && heapAfter.isPresent()) {
                System.out.printf(Locale.ROOT, "  plugin heap after a full collection: %.1f MB before, %.1f MB after (%+.1f MB)%n",
                        heapBefore.getAsLong() / 1e6, heapAfter.getAsLong() / 1e6,
                        (heapAfter.getAsLong() - heapBefore.getAsLong()) / 1e6);
            }
        }
        System.out.println(proved ? "Every message is on exactly one ticket; nothing dead-lettered."
                : "FAILED: see the counts above.");
        return proved;
    }

    // ---- what is sent

    /** A message of the bench: its id on Meta, which is the ledger's and RT's Social Post ID. */
    record BenchMessage(String id, ObjectNode entry) {
    }

    /**
     * The deliveries of one phase: {@code batches.get(d)} is what delivery d carries; a retried duplicate
     * is the same list as the earlier delivery's, sent as the same bytes.
     */
    static final class Plan {
        final List<BenchMessage> messages = new ArrayList<>();
        final List<List<BenchMessage>> batches = new ArrayList<>();
        final List<Integer> repeats = new ArrayList<>();
        int duplicates;
        int customers;

        static Plan of(int deliveries, String run, String pageId, Random random) {
            Plan plan = new Plan();
            int[] sizes = new int[deliveries];
            int[] repeatOf = new int[deliveries];
            int total = 0;
            for (int d = 0; d < deliveries; d++) {
                repeatOf[d] = -1;
                if (d % DUPLICATE_EVERY == DUPLICATE_EVERY - 1) {
                    int earlier = random.nextInt(d);
                    repeatOf[d] = repeatOf[earlier] >= 0 ? repeatOf[earlier] : earlier;
                    plan.duplicates++;
                } else {
                    sizes[d] = batchSize(random);
                    total += sizes[d];
                }
            }
            plan.customers = Math.max(1, (total + MESSAGES_PER_CUSTOMER - 1) / MESSAGES_PER_CUSTOMER);
            int posts = Math.max(1, plan.customers / 20);
            long now = Instant.now().getEpochSecond();
            for (int i = 0; i < total; i++) {
                // Round robin: a customer's messages are spread over deliveries that arrive concurrently.
                int customer = i % plan.customers;
                String who = "Bench Customer " + customer;
                String text = "Bench " + run + " message " + i + ": my order " + (10_000 + i) + " has not arrived, can you help?";
                plan.messages.add(customer % 2 == 0
                        ? messenger(pageId, String.format(Locale.ROOT, "9%s%06d", run, customer), who,
                                "m_" + run + "_" + i, text, now)
                        : comment(pageId, String.format(Locale.ROOT, "8%s%06d", run, customer), who,
                                String.format(Locale.ROOT, "7%s%04d", run, (customer / 2) % posts), i, run, text, now));
            }
            int next = 0;
            for (int d = 0; d < deliveries; d++) {
                plan.repeats.add(repeatOf[d]);
                if (repeatOf[d] >= 0) {
                    plan.batches.add(plan.batches.get(repeatOf[d]));
                } else {
                    plan.batches.add(plan.messages.subList(next, next + sizes[d]));
                    next += sizes[d];
                }
            }
            return plan;
        }

        /** Under load Meta puts several updates in one delivery: mostly one, sometimes up to ten. */
        static int batchSize(Random random) {
            int r = random.nextInt(100);
            return r < 55 ? 1 : r < 75 ? 2 : r < 87 ? 3 : r < 96 ? 5 : 10;
        }

        int entries() {
            return batches.stream().mapToInt(List::size).sum();
        }

        /**
         * The requests: each delivery's exact bytes and its X-Hub-Signature-256 with this key (a retry is
         * the earlier delivery's bytes and signature); every {@code unsignedEvery}-th without the header
         * (0: none).
         */
        List<Request> requests(Mac key, int unsignedEvery) throws JsonProcessingException {
            List<Request> out = new ArrayList<>();
            for (int d = 0; d < batches.size(); d++) {
                if (repeats.get(d) >= 0) {
                    out.add(out.get(repeats.get(d)));
                    continue;
                }
                ObjectNode payload = Rt.JSON.createObjectNode().put("object", "page");
                ArrayNode entry = payload.putArray("entry");
                batches.get(d).forEach(m -> entry.add(m.entry()));
                byte[] body = ESCAPING.writeValueAsString(payload).replace("/", "\\/").getBytes(StandardCharsets.US_ASCII);
                boolean unsigned = unsignedEvery > 0 && d % unsignedEvery == unsignedEvery - 1;
                out.add(new Request(body, unsigned ? null : "sha256=" + HexFormat.of().formatHex(key.doFinal(body))));
            }
            return out;
        }
    }

    /** A Messenger message event in its page entry, as Meta sends it. */
    static BenchMessage messenger(String pageId, String psid, String who, String mid, String text, long now) {
        ObjectNode entry = Rt.JSON.createObjectNode().put("id", pageId).put("time", now * 1000);
        ObjectNode event = entry.putArray("messaging").addObject();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", now * 1000);
        event.putObject("message").put("mid", mid).put("text", text);
        return new BenchMessage(mid, entry);
    }

    /** A feed change of item comment, verb add, on a post of the Page, as Meta sends it. */
    static BenchMessage comment(String pageId, String fromId, String who, String postNumber, int i, String run, String text,
                                long now) {
        String postId = pageId + "_" + postNumber;
        String commentId = postNumber + "_" + String.format(Locale.ROOT, "6%s%07d", run, i);
        ObjectNode entry = Rt.JSON.createObjectNode().put("id", pageId).put("time", now);
        ObjectNode change = entry.putArray("changes").addObject().put("field", "feed");
        ObjectNode value = change.putObject("value");
        value.putObject("from").put("id", fromId).put("name", who);
        value.putObject("post").put("status_type", "mobile_status_update").put("is_published", true)
                .put("permalink_url", "https://www.facebook.com/" + postId).put("id", postId);
        value.put("message", text).put("post_id", postId).put("comment_id", commentId).put("created_time", now)
                .put("item", "comment").put("parent_id", postId).put("verb", "add");
        return new BenchMessage(commentId, entry);
    }

    static Mac key(String appSecret) {
        return key(appSecret.getBytes(StandardCharsets.UTF_8));
    }

    static Mac key(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- sending

    /** One POST: the body and its X-Hub-Signature-256 header (null: none). */
    record Request(byte[] body, String signature) {
    }

    /** What a phase's POSTs were answered: per status (0: no answer), and each acknowledgement's latency. */
    static final class Sent {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        final AtomicLong resent = new AtomicLong();
        final AtomicInteger unacknowledged = new AtomicInteger();
        long wallNanos;

        double percentile(double p) {
            return millis.isEmpty() ? Double.NaN : new MentionToTicketBench.Result(new ArrayList<>(millis), 0).percentile(p);
        }

        /** Signed deliveries never answered 200, even after being sent again. */
        int failed() {
            return unacknowledged.get();
        }

        void print(String phase) {
            Map<Integer, Long> sorted = new TreeMap<>();
            statuses.forEach((status, count) -> sorted.put(status, count.sum()));
            System.out.printf(Locale.ROOT, "  %s answers by HTTP status (0: no answer): %s in %.1f s%s%n", phase, sorted,
                    wallNanos / 1e9, unacknowledged.get() == 0 ? "" : "; " + unacknowledged.get() + " never acknowledged");
        }
    }

    /**
     * Sends every request over at most {@code connections} connections (one blocking sender each), paced
     * to {@code perSecond} when above 0. With {@code retry}, a 500, 503 or no answer is sent again after
     * a pause, up to 20 times, and only the acknowledging attempt's latency is kept.
     */
    static Sent send(List<Request> requests, int connections, double perSecond, boolean retry) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Sent sent = new Sent();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            senders.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < requests.size(); ) {
                    if (perSecond > 0) {
                        long due = start + (long) (i * 1e9 / perSecond);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            pause(TimeUnit.NANOSECONDS.toMillis(wait));
                        }
                    }
                    Request r = requests.get(i);
                    for (int attempt = 1; ; attempt++) {
                        long t0 = System.nanoTime();
                        int status = post(http, r);
                        long took = System.nanoTime() - t0;
                        sent.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status == 200) {
                            sent.millis.add(took / 1e6);
                            break;
                        }
                        if (!retry || (status != 0 && status != 500 && status != 503)) {
                            if (retry) {
                                sent.unacknowledged.incrementAndGet();
                            }
                            break;
                        }
                        if (attempt == 20) {
                            sent.unacknowledged.incrementAndGet();
                            break;
                        }
                        sent.resent.incrementAndGet();
                        pause(250);
                    }
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(2, TimeUnit.HOURS)) {
            throw new IllegalStateException("the deliveries were not all sent within two hours");
        }
        sent.wallNanos = System.nanoTime() - start;
        return sent;
    }

    private static int post(HttpClient http, Request r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Karaf.META_WEBHOOK)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
        if (r.signature() != null) {
            b.header("X-Hub-Signature-256", r.signature());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The webhook is served once its handshake answers the challenge with this run's verify token. */
    static void awaitWebhook(String verifyToken) {
        HttpClient http = HttpClient.newHttpClient();
        URI handshake = URI.create(Karaf.META_WEBHOOK + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + Rt.enc(verifyToken));
        Await.until("the Meta webhook at " + Karaf.META_WEBHOOK + " to answer its handshake", Duration.ofMinutes(2), () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(handshake).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && "1158201444".equals(r.body()) ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- counting

    /** Waits until the ledger holds nothing waiting for a ticket, printing progress; a second a message at most, plus ten minutes. */
    static void awaitFiled(Karaf karaf, int messages) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).plusSeconds(messages).toNanos();
        long lastPrint = 0;
        while (true) {
            long waiting = karaf.health().path("waitingForTicket").asLong(-1);
            long now = System.nanoTime();
            if (waiting == 0) {
                System.out.printf(Locale.ROOT, "Filed: every message handed to RT after %.0f s more (%.1f messages/s into RT)%n",
                        (now - start) / 1e9, messages / ((now - start) / 1e9));
                return;
            }
            if (now > deadline) {
                throw new IllegalStateException(waiting + " messages still wait for a ticket after " + (now - start) / 1_000_000_000
                        + " s; plugin log: " + karaf.logTail());
            }
            if (now - lastPrint > 30_000_000_000L) {
                System.out.printf(Locale.ROOT, "  %d of %d messages wait for their ticket%n", waiting, messages);
                lastPrint = now;
            }
            pause(2000);
        }
    }

    /** Per message of the plan, the tickets whose Create or Correspond transaction carries it (once per transaction). */
    record Count(int messages, int tickets, List<String> missing, Map<String, List<Long>> twice, int strangers) {
        boolean exact() {
            return missing.isEmpty() && twice.isEmpty();
        }

        void print() {
            System.out.printf(Locale.ROOT, "Counted through REST2: %d messages on %d Facebook tickets of this run: %d on exactly"
                            + " one ticket once, %d on none, %d more than once, %d transactions not of this run%n", messages, tickets,
                    messages - missing.size() - twice.size(), missing.size(), twice.size(), strangers);
            if (!missing.isEmpty()) {
                System.out.println("  on no ticket, e.g. " + missing.subList(0, Math.min(10, missing.size())));
            }
            twice.entrySet().stream().limit(10).forEach(e -> System.out.println("  " + e.getKey() + " on tickets " + e.getValue()));
        }
    }

    /** Reads every Facebook ticket created after {@code floor}, in parallel sessions, and counts the plan's messages on them. */
    static Count count(long floor, Plan plan) throws InterruptedException {
        Rt list = RtAccounts.ofThisRun().admin.login();
        List<Long> tickets = list.tickets("'CF.{Social Conversation ID}' LIKE 'facebook:' AND id > " + floor);
        Map<String, List<Long>> found = new ConcurrentHashMap<>();
        LongAdder strangers = new LongAdder();
        ConcurrentLinkedQueue<Long> todo = new ConcurrentLinkedQueue<>(tickets);
        ConcurrentLinkedQueue<RuntimeException> errors = new ConcurrentLinkedQueue<>();
        java.util.Set<String> ours = ConcurrentHashMap.newKeySet();
        plan.messages.forEach(m -> ours.add(m.id()));
        ExecutorService readers = Executors.newFixedThreadPool(COUNT_THREADS);
        for (int t = 0; t < COUNT_THREADS; t++) {
            readers.execute(() -> {
                try {
                    Rt rt = RtAccounts.ofThisRun().admin.login();
                    for (Long ticket; (ticket = todo.poll()) != null; ) {
                        for (String postId : messageIds(rt, ticket)) {
                            if (ours.contains(postId)) {
                                found.computeIfAbsent(postId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ticket);
                            } else {
                                strangers.increment();
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            });
        }
        readers.shutdown();
        readers.awaitTermination(2, TimeUnit.HOURS);
        if (!errors.isEmpty()) {
            throw errors.peek();
        }
        List<String> missing = new ArrayList<>();
        Map<String, List<Long>> twice = new TreeMap<>();
        for (BenchMessage m : plan.messages) {
            List<Long> on = found.get(m.id());
            if (on == null) {
                missing.add(m.id());
            } else if (on.size() > 1) {
                twice.put(m.id(), on);
            }
        }
        return new Count(plan.messages.size(), tickets.size(), missing, twice, (int) strangers.sum());
    }

    /** The Social Post ID of each Create and Correspond transaction of a ticket, page by page. */
    static List<String> messageIds(Rt rt, long ticket) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode history = rt.get("/ticket/" + ticket + "/history?per_page=100&fields=Type&page=" + page);
            for (JsonNode item : history.path("items")) {
                // An RT without the fields parameter names no type: the transaction is read whole then.
                String type = item.path("Type").asText("");
                if (type.isEmpty() || "Create".equals(type) || "Correspond".equals(type)) {
                    JsonNode txn = rt.get("/transaction/" + item.path("id").asText());
                    String t = txn.path("Type").asText();
                    String id = Rt.field(txn, "Social Post ID");
                    if (id != null && ("Create".equals(t) || "Correspond".equals(t))) {
                        ids.add(id);
                    }
                }
            }
            if (!history.hasNonNull("next_page")) {
                return ids;
            }
        }
    }

    // ---- the plugin's heap

    /**
     * Karaf's used heap after two full collections, through the attach API and the JVM's own local JMX
     * agent (no port, no password: the same user's process only); empty, with why, when it cannot attach.
     */
    static OptionalLong heapAfterCollection(Karaf karaf) {
        Optional<Long> pid = karaf.jvmPid();
        if (pid.isEmpty()) {
            System.out.println("  (heap not measured: Karaf's JVM was not found among " + karaf.pids() + ")");
            return OptionalLong.empty();
        }
        try {
            com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(pid.get()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                memory.gc();
                memory.gc();
                return OptionalLong.of(memory.getHeapMemoryUsage().getUsed());
            }
        } catch (Exception e) {
            System.out.println("  (heap not measured: cannot attach to Karaf's JVM " + pid.get() + ": " + e
                    + "; jcmd " + pid.get() + " GC.heap_info shows it)");
            return OptionalLong.empty();
        }
    }

    static long delta(JsonNode before, JsonNode after, String counter) {
        return after.path(counter).asLong() - before.path(counter).asLong();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
