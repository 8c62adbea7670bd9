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
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The assembled Karaf distribution, copied fresh and run as its own process, as an administrator
 * would run it. {@link #kill()} is {@code kill -9}; {@link #start()} again keeps the data folder.
 */
final class Karaf implements AutoCloseable {
    static final Path BUILT = Path.of(System.getProperty("karaf.dist", "target/socialcare-karaf"));
    static final String HEALTH = "http://127.0.0.1:8181/socialcare/health";

    final Path home;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Karaf(Path home) {
        this.home = home;
    }

    /** A fresh copy of the distribution with the test's settings for the X channel. */
    static Karaf fresh(String name, String xBaseUrl, String xToken) throws IOException {
        if (!Files.isExecutable(BUILT.resolve("bin/karaf"))) {
            throw new IllegalStateException("No Karaf distribution at " + BUILT.toAbsolutePath() + "; build the descriptors module first");
        }
        Path home = Path.of("target", "it", name).toAbsolutePath();
        delete(home);
        copy(BUILT, home);
        Karaf k = new Karaf(home);
        // Mastodon only where a test starts its simulator (see withMastodon).
        Files.deleteIfExists(home.resolve("etc/org.socialcarebridge.network.mastodon.cfg"));
        k.writeConfig("org.socialcarebridge.network.x", "baseUrl = " + xBaseUrl + "\nbearerToken = " + xToken
                + "\nbrandHandle = acme\npollInterval = 500ms\n");
        k.writeConfig("org.socialcarebridge.host.rt", "url = " + Rt.URL + "\nuser = socialcare\npassword = socialcare\n"
                + "queue = Social\nreconcileInterval = 2s\nreopenWindow = 4s\nstaleAfter = 3s\n");
        return k;
    }

    /** Turns the Mastodon channel on, against a simulator. */
    Karaf withMastodon(String baseUrl, String token) throws IOException {
        writeConfig("org.socialcarebridge.network.mastodon", "baseUrl = " + baseUrl + "\naccessToken = " + token
                + "\npollInterval = 500ms\n");
        return this;
    }

    /** Turns the admin API on with this token. */
    Karaf withAdminToken(String token) throws IOException {
        writeConfig("org.socialcarebridge.http", "host = 127.0.0.1\nport = 8181\nadminToken = " + token + "\n");
        return this;
    }

    /** A Karaf shell command through bin/client (SSH on 127.0.0.1:8101), as an administrator types it. */
    String shell(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", "8101", "-h", "127.0.0.1",
                "-u", "karaf", "-p", "karaf", "-r", "10", "-d", "2", command)
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // stdin stays open: bin/client ends the session as soon as its input ends, before the command runs.
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        p.getOutputStream().close();
        return out.strip();
    }

    void writeConfig(String pid, String content) throws IOException {
        Path file = home.resolve("etc").resolve(pid + ".cfg");
        Path tmp = file.resolveSibling(pid + ".cfg.tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        // Karaf's file install must never see a half-written file.
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void start() throws Exception {
        if (portInUse()) {
            throw new IllegalStateException("Something already listens on 127.0.0.1:8181 (a demo or an earlier test's Karaf?);"
                    + " stop it first (./socialcare stop)");
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
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

    JsonNode health() throws InterruptedException {
        return awaitHealth(Duration.ofSeconds(10));
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
            waitForPortFree();
        }
    }

    private static boolean portInUse() {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", 8181)) {
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
        throw new IllegalStateException("Karaf was stopped but 127.0.0.1:8181 is still in use");
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
