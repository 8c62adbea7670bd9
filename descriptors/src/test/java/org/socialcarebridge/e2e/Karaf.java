package org.socialcarebridge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The assembled Karaf distribution, copied fresh and run as its own process, as an administrator
 * would run it. {@link #kill()} is {@code kill -9}; {@link #start()} again keeps the data folder.
 */
final class Karaf implements AutoCloseable {
    static final Path BUILT = Path.of(System.getProperty("karaf.dist", "target/socialcare-karaf"));
    static final String PLUGIN = "http://127.0.0.1:" + EndToEnd.KARAF_HTTP_PORT + "/socialcare";
    static final String HEALTH = PLUGIN + "/health";
    /** The Meta webhook of the copy, where the Meta simulator (and the webhook benchmark) deliver. */
    static final String META_WEBHOOK = PLUGIN + "/webhooks/meta";
    static final String X_WEBHOOK = PLUGIN + "/webhooks/x";
    /**
     * Issue 17's concurrent filing on (default): the plugin files {@code filingConcurrency} conversations at a time.
     * {@code -Dbench.realtime=false} leaves the key out, for a plugin that does not know it yet (its settings
     * refuse unknown keys).
     */
    static final boolean REAL_TIME = Boolean.parseBoolean(System.getProperty("bench.realtime", "true"));

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    final Path home;
    /** RT's notification secret, as the plugin must know it (etc/org.socialcarebridge.http.cfg, notifySecret). */
    final String notifySecret;
    /** This run's console user, in etc/users.properties with a random password. */
    final String consoleUser = "it-console";
    private final String consolePassword = RtAccounts.password();
    private String adminToken;
    private String maxHeap;
    private boolean gcLog;
    private int filingConcurrency;
    /** RT's timers at the plugin's shipped defaults rather than the tests' quick ones (see withShippedRtTimers). */
    private boolean shippedRtTimers;
    private String rtUrl = Rt.URL;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Karaf(Path home, String notifySecret) {
        this.home = home;
        this.notifySecret = notifySecret;
    }

    /**
     * A fresh copy of the distribution with the test's settings for the X channel, the plugin's RT user
     * with this run's password, RT's notification secret and a console user of its own.
     */
    static Karaf fresh(String name, String xBaseUrl, String xToken) throws IOException {
        if (!Files.isExecutable(BUILT.resolve("bin/karaf"))) {
            throw new IllegalStateException("No Karaf distribution at " + BUILT.toAbsolutePath() + "; build the descriptors module first");
        }
        Path home = Path.of("target", "it", name).toAbsolutePath();
        delete(home);
        copy(BUILT, home);
        Karaf k = new Karaf(home, Rt.notifySecret());
        // Mastodon only where a test starts its simulator (see withMastodon). Switched off rather than deleted: the
        // socialcare-mastodon feature lays its shipped file (blank token, so "not started") wherever none is.
        k.writeConfig("org.socialcarebridge.network.mastodon", "enabled = false\n");
        // Facebook likewise (see withFacebook), and the Meta webhook switched off with it.
        k.writeConfig("org.socialcarebridge.network.facebook", "enabled = false\n");
        k.writeConfig("org.socialcarebridge.network.meta", "enabled = false\n");
        k.writeConfig("org.socialcarebridge.network.x", "baseUrl = " + xBaseUrl + "\nbearerToken = " + xToken
                + "\nbrandHandle = acme\npollInterval = 500ms\n");
        k.writeRtConfig();
        k.writeHttpConfig();
        k.writeConsoleUser();
        return k;
    }

    private void writeRtConfig() throws IOException {
        writeConfig("org.socialcarebridge.host.rt", "url = " + rtUrl + "\nuser = " + RtAccounts.PLUGIN_USER
                + "\npassword = " + RtAccounts.ofThisRun().pluginPassword()
                + "\nqueue = Social\n" + (shippedRtTimers ? "" : "reconcileInterval = 2s\nreopenWindow = 4s\nstaleAfter = 3s\n")
                + (filingConcurrency == 0 ? "" : "filingConcurrency = " + filingConcurrency + "\n"));
    }

    /**
     * RT's timers (reconcileInterval, reopenWindow, staleAfter) at the shipped defaults: a benchmark measures
     * what an installation gets, and the tests' 2-second reconciling would add RT searches a desk never sees.
     */
    Karaf withShippedRtTimers() throws IOException {
        shippedRtTimers = true;
        writeRtConfig();
        return this;
    }

    /** The plugin reaches RT at this address (a proxy in front of it) rather than at RT's own. */
    Karaf withRtUrl(String url) throws IOException {
        rtUrl = url;
        writeRtConfig();
        return this;
    }

    /**
     * Conversations filed this many at a time towards RT. Only with {@link #REAL_TIME} (a plugin without
     * concurrent filing refuses the key); otherwise the plugin's own default stays.
     */
    Karaf withFilingConcurrency(int concurrency) throws IOException {
        filingConcurrency = REAL_TIME ? concurrency : 0;
        writeRtConfig();
        return this;
    }

    /** Turns the Mastodon channel on, against a simulator. */
    Karaf withMastodon(String baseUrl, String token) throws IOException {
        writeConfig("org.socialcarebridge.network.mastodon", "baseUrl = " + baseUrl + "\naccessToken = " + token
                + "\npollInterval = 500ms\n");
        return this;
    }

    /**
     * X events by real time: {@code webhook} (X's signed POSTs at /socialcare/webhooks/x) or {@code stream} (the
     * activity stream), with the app's consumer secret; the feeds are still read, every {@code catchUp}, to catch up.
     */
    Karaf withXIntake(String intake, String xBaseUrl, String xToken, String consumerSecret, String catchUp) throws IOException {
        // The simulator's app-only token is the brand's; with publicUrl the plugin registers its webhook itself.
        writeConfig("org.socialcarebridge.network.x", "baseUrl = " + xBaseUrl + "\nbearerToken = " + xToken
                + "\nbrandHandle = acme\npollInterval = 500ms\nintake = " + intake + "\nconsumerSecret = " + consumerSecret
                + "\nappBearerToken = " + xToken + "\ncatchUpInterval = " + catchUp
                + (intake.equals("webhook") ? "\npublicUrl = " + X_WEBHOOK + "\nsubscriptionCheckInterval = 10s" : "") + "\n");
        return this;
    }

    /** Mastodon's notifications from its streaming API, with a catch-up poll every {@code catchUp}. */
    Karaf withMastodonStream(String baseUrl, String token, String catchUp) throws IOException {
        writeConfig("org.socialcarebridge.network.mastodon", "baseUrl = " + baseUrl + "\naccessToken = " + token
                + "\npollInterval = 500ms\nintake = stream\ncatchUpInterval = " + catchUp + "\n");
        return this;
    }

    /**
     * Turns the Facebook channel on against a Graph API (the Meta simulator's base URL, no version), and
     * the Meta webhook with the app's secret and verify token.
     */
    Karaf withFacebook(String graphUrl, String pageId, String pageToken, String appSecret, String verifyToken)
            throws IOException {
        writeConfig("org.socialcarebridge.network.meta", "appSecret = " + appSecret + "\nverifyToken = " + verifyToken + "\n");
        writeConfig("org.socialcarebridge.network.facebook", "enabled = true\ngraphUrl = " + graphUrl + "\npageId = " + pageId
                + "\npageToken = " + pageToken
                // the shortest the settings allow: a disabled subscription is seen, and recovered from, within seconds
                + "\nrecoveryInterval = 10s\nsubscriptionCheckInterval = 10s\n");
        return this;
    }

    /**
     * Turns the Instagram channel on against a Graph API (the Meta simulator's base URL), for the professional
     * account linked to the Page; the Meta webhook must be on too ({@link #withFacebook} writes it).
     */
    Karaf withInstagram(String graphUrl, String accountId, String pageId, String pageToken) throws IOException {
        writeConfig("org.socialcarebridge.network.instagram", "enabled = true\ngraphUrl = " + graphUrl + "\naccountId = "
                + accountId + "\npageId = " + pageId + "\npageToken = " + pageToken + "\nrecoveryInterval = 10s\n");
        return this;
    }

    /**
     * Turns the WhatsApp channel on against a Cloud API (the Meta simulator's base URL) for one business number;
     * templates are read every {@code templateSync}. The Meta webhook must be on too.
     */
    Karaf withWhatsApp(String graphUrl, String businessAccountId, String phoneNumberId, String accessToken,
                       String templateSync) throws IOException {
        writeConfig("org.socialcarebridge.network.whatsapp", "enabled = true\ngraphUrl = " + graphUrl
                + "\nbusinessAccountId = " + businessAccountId + "\nphoneNumberId = " + phoneNumberId
                + "\naccessToken = " + accessToken + "\ntemplateSyncInterval = " + templateSync + "\n");
        return this;
    }

    /** Turns the admin API on with this token. */
    Karaf withAdminToken(String token) throws IOException {
        adminToken = token;
        writeHttpConfig();
        return this;
    }

    /** The JVM's maximum heap from the next {@link #start()}, e.g. {@code 256m} (bin/inc appends EXTRA_JAVA_OPTS last). */
    Karaf withMaxHeap(String size) {
        maxHeap = size;
        return this;
    }

    /** From the next {@link #start()}, the JVM logs every collection to {@code gc-<pid>.log} in the home (see {@link #gcLogs()}). */
    Karaf withGcLog() {
        if (home.toString().contains(" ")) {
            throw new IllegalStateException("EXTRA_JAVA_OPTS is split at spaces; move the Karaf home " + home + " to a path without one");
        }
        gcLog = true;
        return this;
    }

    /** The GC logs of every JVM started so far (one per start: a kill -9 leaves the old one whole). */
    List<Path> gcLogs() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().matches("gc-\\d+\\.log")).sorted().toList();
        }
    }

    private void writeHttpConfig() throws IOException {
        writeConfig("org.socialcarebridge.http", "host = 127.0.0.1\nport = " + EndToEnd.KARAF_HTTP_PORT + "\nnotifySecret = " + notifySecret + "\n"
                + (adminToken == null ? "" : "adminToken = " + adminToken + "\n"));
    }

    /**
     * The shipped users.properties (so a console user it would switch on still shows) plus this run's
     * console user in Karaf's admin group; Karaf hashes the password on first use.
     */
    private void writeConsoleUser() throws IOException {
        Path file = home.resolve("etc/users.properties");
        String shipped = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Properties active = new Properties();
        active.load(new java.io.StringReader(shipped));
        StringBuilder users = new StringBuilder(shipped);
        if (!shipped.isEmpty() && !shipped.endsWith("\n")) {
            users.append('\n');
        }
        users.append("# The end-to-end tests' console user (random password)\n")
                .append(consoleUser).append(" = ").append(consolePassword).append(",_g_:admingroup\n");
        if (!active.containsKey("_g_:admingroup")) {
            users.append("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        }
        writeEtc("users.properties", users.toString());
    }

    /** A Karaf shell command through bin/client (SSH on 127.0.0.1, {@link EndToEnd#KARAF_SSH_PORT}), as an administrator types it. */
    String shell(String command) throws IOException, InterruptedException {
        Console session = shellAs(consoleUser, consolePassword, command);
        if (!session.finished()) {
            throw new IllegalStateException("bin/client did not finish: " + session.output());
        }
        return session.output();
    }

    /** What bin/client printed, and whether it ended by itself within the time allowed. */
    record Console(boolean finished, int exitCode, String output) {
    }

    /** bin/client as this user; a client still waiting after 90 s (a password prompt, say) is ended. */
    Console shellAs(String user, String password, String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "client", ".out");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(EndToEnd.KARAF_SSH_PORT), "-h", "127.0.0.1",
                "-u", user, "-p", password, "-r", "10", "-d", "2", command)
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // stdin stays open: bin/client ends the session as soon as its input ends, before the command runs.
        Process p = pb.start();
        try {
            boolean finished = p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor();
            }
            return new Console(finished, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
        } finally {
            p.getOutputStream().close();
            Files.deleteIfExists(out);
        }
    }

    void writeConfig(String pid, String content) throws IOException {
        writeEtc(pid + ".cfg", content);
    }

    /** Writes a file under etc whole, in one move, readable by its owner only (settings hold secrets). */
    void writeEtc(String name, String content) throws IOException {
        Path file = home.resolve("etc").resolve(name);
        Path tmp = file.resolveSibling(name + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        // Karaf's file install must never see a half-written file.
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void start() throws Exception {
        if (portInUse()) {
            throw new IllegalStateException("Something already listens on 127.0.0.1:" + EndToEnd.KARAF_HTTP_PORT + " (a demo or an earlier test's Karaf?);"
                    + " stop it first (./socialcare stop)");
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                // Appended: the JVM killed with kill -9 left its last words (an OutOfMemoryError?) there.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (maxHeap != null) {
            pb.environment().merge("EXTRA_JAVA_OPTS", "-Xmx" + maxHeap, (given, heap) -> given + " " + heap);
        }
        if (gcLog) {
            String log = "-Xlog:gc*:file=" + home.resolve("gc-%p.log") + ":uptime,level,tags:filecount=0"; // one whole file per JVM
            pb.environment().merge("EXTRA_JAVA_OPTS", log, (given, more) -> given + " " + more);
        }
        process = pb.start();
        awaitHealth(Duration.ofSeconds(120));
    }

    /** Waits until the plugin answers its health endpoint (any status: channels may still be starting). */
    JsonNode awaitHealth(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + home.resolve("console.out"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(HEALTH)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.body().trim().startsWith("{")) {
                    return Rt.JSON.readTree(r.body());
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The plugin did not answer " + HEALTH + " within " + timeout + "; log: " + logTail());
    }

    /** The health page now (waiting at most 10 s for it to answer). */
    JsonNode health() {
        try {
            return awaitHealth(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + HEALTH, e);
        }
    }

    /** A call to the admin API ({@link #withAdminToken}); an answer other than 2xx fails with what was answered. */
    JsonNode admin(String method, String path) {
        if (adminToken == null) {
            throw new IllegalStateException("the admin API is off for this Karaf; call withAdminToken(...) before start()");
        }
        String url = PLUGIN + path;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? Rt.JSON.createObjectNode() : Rt.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " interrupted", e);
        }
    }

    /** Waits until each of these channels (x, mastodon, triage-rules, …) reports itself running. */
    void awaitRunning(Duration timeout, String... channels) {
        Await.until("channels " + String.join(", ", channels) + " running", timeout, () -> {
            JsonNode all = health().path("channels");
            return java.util.Arrays.stream(channels).allMatch(c -> "running".equals(all.path(c).path("state").asText()))
                    ? Optional.of(true) : Optional.empty();
        });
    }

    /** kill -9: no shutdown hooks, no chance to flush anything but what was committed. */
    void kill() throws InterruptedException {
        if (process != null) {
            List<ProcessHandle> jvms = process.toHandle().descendants().toList();
            jvms.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().join();
            }
            waitForPortFree();
        }
    }

    /**
     * SIGTERM to the JVM itself: bin/karaf is a shell script whose shell would hold the signal until
     * its child exits, so the JVM is signalled directly, then the script.
     */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> jvms = process.toHandle().descendants().toList();
            jvms.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                jvms.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            // The JVM itself, not only its script: a new start refuses while the old root instance lives.
            for (ProcessHandle jvm : jvms) {
                try {
                    jvm.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    jvm.destroyForcibly();
                    jvm.onExit().join();
                }
            }
            waitForPortFree();
        }
    }

    private static boolean portInUse() {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", EndToEnd.KARAF_HTTP_PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void waitForPortFree() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (!portInUse()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Karaf was stopped but 127.0.0.1:" + EndToEnd.KARAF_HTTP_PORT + " is still in use");
    }

    /** The command lines of the Karaf process and its children (the JVM, when bin/karaf does not exec it). */
    List<String> commandLines() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .map(h -> h.info().commandLine().orElse("")).toList();
    }

    /** The process ids of Karaf's JVM and of bin/karaf around it. */
    List<Long> pids() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).map(ProcessHandle::pid).toList();
    }

    /** The pid of Karaf's JVM itself (not of bin/karaf around it), for jcmd or the attach API; empty when not running. */
    Optional<Long> jvmPid() {
        if (process == null) {
            return Optional.empty();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .filter(h -> h.info().commandLine().orElse("").contains("org.apache.karaf.main.Main"))
                .map(ProcessHandle::pid).findFirst();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    String logTail() {
        try {
            List<String> lines = log().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
