package org.socialcarebridge.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The RT users the end-to-end tests work as, made once per test JVM by RT's own administrator tool
 * (descriptors/host/rt/rt-user.pl, run as root on RT's host as an administrator would): an
 * administrator, an agent and a team lead of this run, each with a random password, and the plugin's
 * user {@code socialcare} rotated to a random password. No test relies on a password anyone could know.
 */
final class RtAccounts {
    static final Path RT_USER = Path.of("host/rt/rt-user.pl").toAbsolutePath();
    static final String PLUGIN_USER = "socialcare";
    static final String AGENT_GROUP = "Social Agents";
    static final String LEAD_GROUP = "Social Team Leads";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static RtAccounts ofThisRun;

    /** An RT user of this run. */
    record User(String name, String realName, String password, String email, long id) {
        /** A fresh web session as this user. */
        Rt login() {
            return new Rt(name, password);
        }

        @Override
        public String toString() {
            return name; // never the password
        }
    }

    /** Short and random, so runs against the same RT never share a user. */
    final String run;
    final User admin;
    final User agent;
    final User lead;
    private final String pluginPassword;
    private final Rt adminSession;

    private RtAccounts() {
        run = HexFormat.of().formatHex(randomBytes(3));
        pluginPassword = password();
        rtUser(PLUGIN_USER, pluginPassword, "--password-stdin", "--rotate");
        String adminName = "it-admin-" + run;
        String adminPassword = password();
        rtUser(adminName, adminPassword, "--real-name", "Ida Admin", "--privileged", "--superuser", "--password-stdin");
        adminSession = new Rt(adminName, adminPassword);
        admin = new User(adminName, "Ida Admin", adminPassword, null, idOf(adminName));
        agent = privileged("agent", "Alex Agent", AGENT_GROUP);
        lead = privileged("lead", "Lee Lead", LEAD_GROUP);
    }

    /** The users of this test JVM, made on first use. */
    static synchronized RtAccounts ofThisRun() {
        if (ofThisRun == null) {
            ofThisRun = new RtAccounts();
        }
        return ofThisRun;
    }

    /** The plugin's RT password, rotated for this run (etc/org.socialcarebridge.host.rt.cfg). */
    String pluginPassword() {
        return pluginPassword;
    }

    /** An agent of the desk: {@code it-<role>-<run>}, privileged, in these groups, with a random password. */
    User privileged(String role, String realName, String... groups) {
        List<String> flags = new ArrayList<>(List.of("--real-name", realName, "--privileged"));
        for (String group : groups) {
            flags.add("--group");
            flags.add(group);
        }
        return create(role, realName, null, flags);
    }

    /** Someone who writes to the desk by e-mail: unprivileged, with this address and a random password. */
    User requestor(String role, String realName, String email) {
        return create(role, realName, email, List.of("--real-name", realName));
    }

    private User create(String role, String realName, String email, List<String> flags) {
        String name = "it-" + role + "-" + run;
        String password = password();
        List<String> args = new ArrayList<>(flags);
        args.add("--password-stdin");
        rtUser(name, password, args.toArray(String[]::new));
        if (email != null) {
            // rt-user.pl has no e-mail option; the administrator sets it as on RT's user page.
            adminSession.send("PUT", "/user/" + Rt.enc(name), Rt.JSON.createObjectNode().put("EmailAddress", email));
            String kept = adminSession.get("/user/" + Rt.enc(name)).path("EmailAddress").asText();
            if (!email.equals(kept)) {
                throw new IllegalStateException("RT did not keep the e-mail address " + email + " of " + name + " (it holds '" + kept + "')");
            }
        }
        return new User(name, realName, password, email, idOf(name));
    }

    private long idOf(String name) {
        return adminSession.get("/user/" + Rt.enc(name)).path("id").asLong();
    }

    /** Runs rt-user.pl; the password goes on its standard input, never on a command line. */
    private static void rtUser(String name, String password, String... options) {
        List<String> command = new ArrayList<>(List.of("perl", RT_USER.toString(), name));
        command.addAll(List.of(options));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s: " + out);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out
                        + " (the tests run as root on RT's host; RT must be provisioned: ./socialcare provision)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 144 random bits in hex: nothing a command line, a properties file or a form would change. */
    static String password() {
        return HexFormat.of().formatHex(randomBytes(18));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
