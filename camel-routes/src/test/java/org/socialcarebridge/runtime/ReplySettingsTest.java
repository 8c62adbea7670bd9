package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.settings.InvalidSettingsException;

/** etc/org.socialcarebridge.reply.cfg: the shipped file reads cleanly; every wrong key says what to write. */
class ReplySettingsTest {
    @Test
    void theShippedFileIsValid() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("../descriptors/src/main/karaf/etc/org.socialcarebridge.reply.cfg"))) {
            p.load(in);
        }
        Map<String, Object> values = new HashMap<>();
        p.forEach((k, v) -> values.put((String) k, v));
        assertEquals(0, ReplySettings.from(values).spotCheckPercent());
    }

    @Test
    void wrongValuesAreAllReportedWithTheKeyAndTheFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> ReplySettings.from(Map.of(
                "approval.spotCheck", "120", "signature", "^{nickname}", "thread.maxParts", "0", "dmWindow.x", "forever",
                "aproval.spotCheck", "20")));
        String all = e.problems().toString();
        for (String key : new String[] {"approval.spotCheck", "signature", "thread.maxParts", "dmWindow.x", "aproval.spotCheck"}) {
            assertTrue(all.contains("Setting " + key + " in etc/org.socialcarebridge.reply.cfg"), key + " in " + all);
        }
        assertTrue(all.contains("nickname"), all);
    }

    @Test
    void theGuardsOwnKeysAreCheckedByTheGuard() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> ReplySettings.from(Map.of("guard.pattern.order", "(a+)+", "guard.off", "emails")));
        String all = e.problems().toString();
        assertTrue(all.contains("guard.pattern.order") && all.contains("guard.off"), all);
    }
}
