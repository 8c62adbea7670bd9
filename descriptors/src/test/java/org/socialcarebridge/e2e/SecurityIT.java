package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Secure by default, tried as an attacker would on the assembled Karaf, the real RT and the X
 * simulator: Karaf's console with karaf/karaf, the database's TCP server without its password, the
 * plugin's RT user taking over an administrator, the admin token outside its header, forged and
 * replayed notifications, a 100 MB body against a 256 MB heap, and secrets or data others could read.
 * Each is refused, and each test first shows the way in that should work does, so it can fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("security").withAdminToken().startedByTheTest();
    static final String TOKEN = fixture.xToken();
    static final String ADMIN = fixture.adminToken();
    static final String PLUGIN = "http://127.0.0.1:8181/socialcare";
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);
    static final long HUNDRED_MB = 100L * 1024 * 1024;
    static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static XSimulator simulator;
    static XSim x;
    static Karaf karaf;
    static RtAccounts accounts;
    static Rt admin;
    static Rt agent;
    /** A social ticket, and an agent's public reply on it, both written before the plugin first started. */
    static long earlierTicket;
    static long earlierReply;

    @BeforeAll
    static void start() throws Exception {
        accounts = RtAccounts.ofThisRun();
        admin = accounts.admin.login();
        agent = accounts.agent.login();
        simulator = fixture.xSimulator();
        x = fixture.x();

        // The reconciler starts after this reply and never sends it; a forged notification must not either.
        String handle = "olga_" + RUN;
        x.customer(handle, "Olga O", 12, false);
        String post = x.tweet(handle, "my heater is broken again " + RUN, null); // no mention: the plugin never reads it
        earlierTicket = admin.send("POST", "/ticket", Rt.JSON.createObjectNode().put("Queue", "Social")
                .put("Subject", "X: my heater is broken again " + RUN).put("Content", "my heater is broken again")
                .put("ContentType", "text/plain").set("CustomFields", Rt.JSON.createObjectNode()
                        .put("Social Conversation ID", "x:" + post).put("Social Network", "X").put("Social Handle", "@" + handle)))
                .path("id").asLong();
        agent.reply(earlierTicket, "Written before the plugin was installed " + RUN, "Public");
        earlierReply = admin.history(earlierTicket).stream().filter(h -> "Correspond".equals(h.path("Type").asText()))
                .mapToLong(h -> h.path("id").asLong()).max().orElseThrow();

        karaf = fixture.karaf();
        karaf.start();
        karaf.awaitRunning(SOON, "x");
    }


    // --- Karaf's console --------------------------------------------------------------------------

    @Test
    @Order(1)
    void karafsConsoleRefusesKarafKarafAndTakesOnlyTheInstallsOwnUser() throws Exception {
        Properties shipped = properties(Karaf.BUILT.resolve("etc/users.properties"));
        List<String> users = shipped.stringPropertyNames().stream().filter(k -> !k.startsWith("_g_:")).toList();
        assertTrue(users.isEmpty(), "the distribution ships no console user, found " + users);

        String marker = "console-check-" + RUN;
        assertTrue(karaf.shell("echo " + marker).contains(marker), "the run's own console user gets in");
        Karaf.Console attempt = karaf.shellAs("karaf", "karaf", "echo " + marker);
        assertFalse(attempt.output().contains(marker), "karaf/karaf opened Karaf's console: " + attempt);
    }

    @Test
    @Order(2)
    void everythingKarafListensOnIsOnThisMachineOnly() throws Exception {
        List<InetSocketAddress> listening = listening(karaf.pids());
        assertTrue(listening.stream().anyMatch(a -> a.getPort() == 8181) && listening.stream().anyMatch(a -> a.getPort() == 8101),
                "the plugin's HTTP and the console are among Karaf's listening sockets: " + listening);
        List<InetSocketAddress> open = listening.stream().filter(a -> !a.getAddress().isLoopbackAddress()).toList();
        assertTrue(open.isEmpty(), "Karaf listens beyond 127.0.0.1 on " + open);
    }

    // --- The embedded database ---------------------------------------------------------------------

    @Test
    @Order(3)
    void theDatabasesTcpServerRefusesSaWithoutThePasswordAndListensOnThisMachineOnly() throws Exception {
        Path data = karaf.home.resolve("data/socialcare");
        Path lockFile;
        try (Stream<Path> files = Files.list(data)) {
            lockFile = files.filter(f -> f.getFileName().toString().endsWith(".lock.db")).findFirst().orElse(null);
        }
        Properties lock = lockFile == null ? new Properties() : properties(lockFile);
        String server = lock.getProperty("server");
        assumeTrue(server != null, "H2 runs without a TCP server (no 'server' in " + lockFile + "): nothing to connect to");

        String host = server.substring(0, server.lastIndexOf(':'));
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        assertTrue(InetAddress.getByName(host).isLoopbackAddress(), "H2's server is on this machine only: " + server);
        // H2's own clients name the database by the lock file's key; any other name is refused whatever the password.
        String byKey = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + lock.getProperty("id");
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(byKey, "sa", "").close(),
                "sa with an empty password opened the plugin's database");
        assertEquals(28000, refused.getErrorCode(), "refused for its user or password: " + refused.getMessage());
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/"
                + data.resolve("socialcare"), "sa", "").close(), "the database file's path opened it without a password");
        try (Connection withPassword = DriverManager.getConnection(byKey, storeUser(), storePassword())) {
            assertTrue(withPassword.isValid(5), "with its password the same server lets the plugin's own tools in");
        }
        Optional<InetAddress> other = otherAddress();
        if (other.isPresent()) {
            assertThrows(IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other.get(), port), 2000);
                }
            }, "H2's server answers on " + other.get().getHostAddress() + ":" + port);
        }
    }

    static String storeUser() throws IOException {
        return properties(karaf.home.resolve("etc/org.socialcarebridge.store.cfg")).getProperty("user", "sa").strip();
    }

    /** Where contract 11 keeps it: the store's setting, else the password generated into the data folder. */
    static String storePassword() throws IOException {
        String set = properties(karaf.home.resolve("etc/org.socialcarebridge.store.cfg")).getProperty("password", "").strip();
        return set.isEmpty() ? Files.readString(karaf.home.resolve("data/socialcare/store.password"), StandardCharsets.UTF_8).strip() : set;
    }

    // --- The plugin's RT user ----------------------------------------------------------------------

    @Test
    @Order(4)
    void thePluginsRtUserCanNeitherChangeAnothersPasswordNorMakeUsers() {
        Rt plugin = new Rt(RtAccounts.PLUGIN_USER, accounts.pluginPassword());
        String stolen = RtAccounts.password();
        HttpResponse<String> change = plugin.call("PUT", "/user/" + Rt.enc(accounts.admin.name()),
                Rt.JSON.createObjectNode().put("Password", stolen));
        assertFalse(Rt.acceptsLogin(accounts.admin.name(), stolen), "the plugin's RT user set the administrator's password: "
                + change.statusCode() + " " + change.body());
        assertTrue(Rt.acceptsLogin(accounts.admin.name(), accounts.admin.password()), "the administrator's password still works");

        String intruder = "it-intruder-" + accounts.run;
        HttpResponse<String> create = plugin.call("POST", "/user", Rt.JSON.createObjectNode().put("Name", intruder)
                .put("Password", stolen).put("Privileged", 1));
        assertTrue(create.statusCode() >= 400, "RT let the plugin's user create a user: " + create.statusCode() + " " + create.body());
        assertEquals(404, admin.call("GET", "/user/" + Rt.enc(intruder), null).statusCode(), intruder + " exists");
        assertFalse(Rt.acceptsLogin(intruder, stolen));
    }

    // --- The admin token ---------------------------------------------------------------------------

    @Test
    @Order(5)
    void theAdminTokenCountsOnlyInTheAuthorizationHeader() throws Exception {
        String bearer = "Bearer%20" + ADMIN;
        for (String route : List.of("/reports", "/triage/filtered", "/customers/links")) {
            for (String query : List.of("Authorization=" + bearer, "authorization=" + bearer, "token=" + ADMIN,
                    "access_token=" + ADMIN)) {
                HttpResponse<String> r = send("GET", route + "?" + query, Map.of(), null, null);
                assertEquals(401, r.statusCode(), "GET " + route + "?" + query.replace(ADMIN, "<token>") + " -> " + r.body());
            }
            HttpResponse<String> header = send("GET", route, Map.of("Authorization", "Bearer " + ADMIN), null, null);
            assertEquals(200, header.statusCode(), "the header works on GET " + route + ": " + header.body());
        }
        String form = "application/x-www-form-urlencoded";
        for (String body : List.of("Authorization=" + bearer, "token=" + ADMIN)) {
            HttpResponse<String> promote = send("POST", "/triage/filtered/x%3A1/promote", Map.of(), form, body);
            assertEquals(401, promote.statusCode(), "the token in a form body promoted: " + promote.body());
            HttpResponse<String> decide = send("POST", "/triage/decide", Map.of(), form, body + "&text=hello");
            assertEquals(401, decide.statusCode(), "the token in a form body decided: " + decide.body());
        }
        HttpResponse<String> inQuery = send("POST", "/triage/decide?Authorization=" + bearer, Map.of(), "application/json",
                "{\"text\":\"hello\"}");
        assertEquals(401, inQuery.statusCode(), inQuery.body());
        HttpResponse<String> header = send("POST", "/triage/decide", Map.of("Authorization", "Bearer " + ADMIN),
                "application/json", "{\"text\":\"hello\"}");
        assertEquals(200, header.statusCode(), "the header works on POST /triage/decide: " + header.body());
    }

    static HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String contentType,
                                     String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(PLUGIN + pathAndQuery)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- RT's notifications ------------------------------------------------------------------------

    static HttpResponse<String> notifyPlugin(String secret, String contentType, String body) throws IOException, InterruptedException {
        return send("POST", "/rt/transactions", secret == null ? Map.of() : Map.of("X-SocialCare-Secret", secret), contentType, body);
    }

    static String notification(long ticket, long transaction) {
        return "{\"ticket\":" + ticket + ",\"transaction\":" + transaction + "}";
    }

    @Test
    @Order(6)
    void aNotificationNeedsRtsSecretAndJson() throws Exception {
        String body = notification(earlierTicket, earlierReply);
        assertEquals(401, notifyPlugin(null, "application/json", body).statusCode(), "no secret");
        assertEquals(401, notifyPlugin(RtAccounts.password() + RtAccounts.password(), "application/json", body).statusCode(),
                "a wrong secret");
        assertEquals(401, notifyPlugin(null, "text/plain", body).statusCode(), "a cross-site form post, no secret");
        // A browser can send these cross-site without asking; RT's scrip never does.
        assertEquals(415, notifyPlugin(karaf.notifySecret, "text/plain", body).statusCode(), "text/plain");
        assertEquals(415, notifyPlugin(karaf.notifySecret, "application/x-www-form-urlencoded", "ticket=1&transaction=1")
                .statusCode(), "a form");
    }

    @Test
    @Order(7)
    void aForgedNotificationOfAReplyFromBeforeThePluginStartedIsIgnored() throws Exception {
        int tweets = x.tweets().size();
        int dms = x.dmEvents().size();
        int history = admin.history(earlierTicket).size();
        HttpResponse<String> forged = notifyPlugin(karaf.notifySecret, "application/json", notification(earlierTicket, earlierReply));
        assertTrue(forged.statusCode() < 500, forged.statusCode() + " " + forged.body());
        Thread.sleep(6000); // several outbox and reconciliation rounds
        assertEquals(tweets, x.tweets().size(), "nothing was posted");
        assertEquals(dms, x.dmEvents().size(), "nothing was sent privately");
        assertNull(Rt.field(admin.get("/transaction/" + earlierReply), "Social Delivery"), "the old reply was never taken up");
        assertEquals(history, admin.history(earlierTicket).size(), "the plugin did not touch the old ticket (answered "
                + forged.statusCode() + " " + forged.body() + ")");
    }

    @Test
    @Order(8)
    void aReplayedNotificationPostsTheReplyOnce() throws Exception {
        String handle = "rita_" + RUN;
        x.customer(handle, "Rita R", 40, false);
        String id = x.tweet(handle, "@acme my order " + RUN + " is late", null);
        long ticket = Await.until("a ticket for tweet " + id, SOON, () -> admin.ticketForConversation("x:" + id));
        agent.reply(ticket, "It leaves the warehouse today " + RUN, "Public");
        long reply = Await.until("the agent's reply on RT", SOON, () -> admin.history(ticket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()))
                .filter(h -> accounts.agent.name().equals(h.path("Creator").path("id").asText()))
                .map(h -> h.path("id").asLong()).findFirst());
        String body = notification(ticket, reply);
        for (int i = 0; i < 3; i++) { // alongside RT's own notification
            HttpResponse<String> r = notifyPlugin(karaf.notifySecret, "application/json", body);
            assertTrue(r.statusCode() < 300, "a real notification is accepted: " + r.statusCode() + " " + r.body());
        }
        Await.until("the reply posted", SOON, () -> {
            String delivery = Rt.field(admin.get("/transaction/" + reply), "Social Delivery");
            return delivery != null && delivery.startsWith("posted") ? Optional.of(delivery) : Optional.empty();
        });
        for (int i = 0; i < 3; i++) { // and again once it is out
            notifyPlugin(karaf.notifySecret, "application/json", body);
        }
        Thread.sleep(5000);
        assertEquals(1, x.brandRepliesTo(id), "posted exactly once");
    }


    // --- Who may read what --------------------------------------------------------------------------

    @Test
    @Order(9)
    void settingsSecretsAndTheDatabaseAreReadableByTheirOwnerOnly() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> etc = Files.list(karaf.home.resolve("etc"))) {
            for (Path cfg : etc.filter(f -> f.getFileName().toString().endsWith(".cfg")).toList()) {
                ownerOnly(cfg, problems);
            }
        }
        ownerOnly(karaf.home.resolve("etc/users.properties"), problems);
        if (Files.exists(karaf.home.resolve("etc/host.key"))) { // the console's SSH host key, made on first start
            ownerOnly(karaf.home.resolve("etc/host.key"), problems);
        }
        Path data = karaf.home.resolve("data/socialcare");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), data + " is for Karaf's user only");
        assertTrue(Files.exists(data.resolve("store.password")), "the embedded database's generated password is in "
                + data.resolve("store.password"));
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                ownerOnly(p, problems);
            }
        }
        assertTrue(problems.isEmpty(), "readable beyond their owner: " + problems);
    }

    @Test
    @Order(10)
    void anExportsFilesAreReadableByTheirOwnerOnly() throws Exception {
        Path out = karaf.home.resolve("export-" + RUN);
        // The export command line as ./socialcare export runs it, from this JVM's class path (the domain module's).
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.socialcarebridge.export.cli.ExportCommandLine",
                "--from", "2000-01-01", "--to", "2100-01-01", "--out", out.toString(), "--karaf", karaf.home.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the export did not finish: " + said);
        assertEquals(0, p.exitValue(), "the export failed: " + said);
        List<Path> files;
        try (Stream<Path> all = Files.walk(out)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "the export wrote files into " + out + ": " + said);
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            ownerOnly(f, problems);
        }
        assertTrue(problems.isEmpty(), "export files readable beyond their owner: " + problems);
    }

    static void ownerOnly(Path p, List<String> problems) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        Set<PosixFilePermission> shared = EnumSet.copyOf(GROUP_OR_OTHERS);
        shared.retainAll(perms);
        if (!shared.isEmpty()) {
            problems.add(karaf.home.relativize(p) + " " + PosixFilePermissions.toString(perms));
        }
    }

    // --- Large bodies ------------------------------------------------------------------------------

    /** Last: Karaf is restarted with a small heap, so a body read whole would run it out of memory. */
    @Test
    @Order(11)
    void aHundredMegabyteBodyIsRefusedByAPluginWithA256MegabyteHeap() throws Exception {
        karaf.stop();
        karaf.withMaxHeap("256m").start();
        assertTrue(karaf.commandLines().stream().anyMatch(c -> c.contains("-Xmx256m")), "Karaf runs with a 256 MB heap: "
                + karaf.commandLines());
        karaf.awaitRunning(SOON, "x");

        Map<String, String> secret = Map.of("X-SocialCare-Secret", karaf.notifySecret);
        Map<String, String> token = Map.of("Authorization", "Bearer " + ADMIN);
        List<String> problems = new ArrayList<>();
        for (boolean chunked : new boolean[] {false, true}) {
            expectRefused(problems, postLargeBody("/socialcare/rt/transactions", secret, HUNDRED_MB, chunked), false);
            expectRefused(problems, postLargeBody("/socialcare/rt/transactions", Map.of(), HUNDRED_MB, chunked), true);
            expectRefused(problems, postLargeBody("/socialcare/triage/decide", token, HUNDRED_MB, chunked), false);
            expectRefused(problems, postLargeBody("/socialcare/triage/decide", Map.of(), HUNDRED_MB, chunked), true);
        }
        assertTrue(karaf.alive(), "Karaf is still running; log: " + karaf.logTail());
        assertTrue(karaf.health().has("channels"), "the plugin still answers its health page");
        String consoleOut = Files.exists(karaf.home.resolve("console.out"))
                ? Files.readString(karaf.home.resolve("console.out"), StandardCharsets.UTF_8) : "";
        assertFalse(karaf.log().contains("OutOfMemoryError") || consoleOut.contains("OutOfMemoryError"),
                "Karaf ran out of memory; log: " + karaf.logTail());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** 413 (the cap), or 401 where no credential was sent; or the server stopped reading before the end. */
    static void expectRefused(List<String> problems, LargeBody sent, boolean anonymous) {
        boolean refused = sent.status() == 413 || anonymous && sent.status() == 401
                || sent.status() == -1 && sent.bytesSent() < sent.length();
        if (!refused) {
            problems.add(sent.toString());
        }
    }

    /** What became of a large POST: the status (-1: none came), and how much of the body the server took. */
    record LargeBody(String request, int status, long bytesSent, long length, String answer) {
    }

    /**
     * POSTs a valid JSON object of {@code length} bytes, streamed from one 64 KiB buffer, over a plain
     * socket: the server may answer (and close) at any point, which an HTTP client would hide.
     */
    static LargeBody postLargeBody(String path, Map<String, String> headers, long length, boolean chunked) throws Exception {
        return postLargeBody(new InetSocketAddress("127.0.0.1", 8181), path, headers, length, chunked);
    }

    static LargeBody postLargeBody(InetSocketAddress server, String path, Map<String, String> headers, long length,
                                   boolean chunked) throws Exception {
        String request = "POST " + path + (chunked ? " (chunked)" : " (Content-Length)")
                + (headers.isEmpty() ? " without credentials" : " with " + String.join(", ", headers.keySet()));
        byte[] prefix = "{\"ticket\":1,\"transaction\":1,\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] padding = new byte[64 * 1024];
        Arrays.fill(padding, (byte) 'a');
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":"
                + server.getPort() + "\r\nContent-Type: application/json\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n").append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(server, 5000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                    part(out, prefix, prefix.length, chunked);
                    sent.addAndGet(prefix.length);
                    for (long left = length - prefix.length - suffix.length; left > 0; ) {
                        int n = (int) Math.min(padding.length, left);
                        part(out, padding, n, chunked);
                        sent.addAndGet(n);
                        left -= n;
                    }
                    part(out, suffix, suffix.length, chunked);
                    sent.addAndGet(suffix.length);
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException stoppedReading) {
                    // the server closed the connection: what refusing the rest looks like from here
                }
            }, "large-body");
            writer.setDaemon(true);
            writer.start();
            int status = -1;
            String answer;
            try {
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                answer = line == null ? "closed without an answer" : line;
                if (line != null && line.startsWith("HTTP/1.1 ")) {
                    status = Integer.parseInt(line.substring(9, 12));
                }
            } catch (IOException e) {
                answer = "no answer: " + e.getMessage();
            }
            socket.close(); // ends the writer if the server neither reads nor closes
            writer.join(30_000);
            return new LargeBody(request, status, sent.get(), length, answer);
        }
    }

    private static void part(OutputStream out, byte[] bytes, int n, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, n);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    // --- This machine -----------------------------------------------------------------------------

    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        return p;
    }

    /** An address of this machine other than loopback, if it has one. */
    static Optional<InetAddress> otherAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(SecurityIT::up).flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a.getAddress().length == 4).findFirst();
    }

    private static boolean up(NetworkInterface n) {
        try {
            return n.isUp() && !n.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    /** Every TCP address these processes listen on, read from /proc (Linux; the tests run as root). */
    static List<InetSocketAddress> listening(List<Long> pids) throws IOException {
        Set<String> sockets = new HashSet<>();
        for (long pid : pids) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            sockets.add(target.substring("socket:[".length(), target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor went away while listing
                    }
                }
            } catch (NoSuchFileException exited) {
                // bin/karaf's shell may have handed over to the JVM
            }
        }
        List<InetSocketAddress> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).stream().skip(1).toList()) {
                String[] f = line.strip().split("\\s+");
                // local_address is field 1, the state field 3 (0A: LISTEN), the socket's inode field 9
                if (f.length > 9 && "0A".equals(f[3]) && sockets.contains(f[9])) {
                    String[] local = f[1].split(":");
                    found.add(new InetSocketAddress(InetAddress.getByAddress(procAddress(local[0])), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return found;
    }

    /** /proc/net/tcp* write an address as 32-bit words, each in the machine's (little-endian) byte order. */
    static byte[] procAddress(String hex) {
        byte[] address = new byte[hex.length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                address[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return address;
    }
}
