package org.socialcarebridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * SimulatorMain has no default tokens or secrets: started without them (in its own JVM, since it
 * exits) it ends before binding any port, naming each missing variable and none of the given values.
 */
class SimulatorMainTest {
    @Test
    void withoutItsSecretsItEndsNamingEachMissingOne() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                // Free ports, should it ever start: a test never takes the demo's.
                "--x-port", "0", "--mastodon-port", "0", "--meta-port", "0").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SIM_"));
        String given = "given-x-token-" + System.nanoTime();
        env.put("SIM_X_BRAND_TOKEN", given);
        env.put("SIM_META_APP_SECRET", given + "-secret");
        Process p = pb.start();
        String out;
        try {
            // It ends by itself when it refuses; were it to start, it would run until destroyed below.
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "it ended by itself");
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
        assertEquals(2, p.exitValue(), out);
        for (String missing : new String[] {"SIM_X_CONSUMER_SECRET", "SIM_MASTODON_BRAND_TOKEN", "SIM_META_PAGE_TOKEN", "SIM_META_VERIFY_TOKEN",
            "SIM_WHATSAPP_TOKEN"}) {
            assertTrue(out.contains(missing), missing + " is named: " + out);
        }
        assertFalse(out.contains("SIM_X_BRAND_TOKEN") || out.contains("SIM_META_APP_SECRET"), "only what is missing: " + out);
        assertFalse(out.contains(given), "no value is printed: " + out);
        assertFalse(out.contains("listening"), "nothing was started: " + out);
    }
}
