package org.socialcarebridge.routes.rt;

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

/** etc/org.socialcarebridge.host.rt.cfg's filingConcurrency: 4 unless set, 1 to 32, a wrong value named with the fix. */
class RtSettingsTest {
    static Map<String, Object> with(String concurrency) {
        Map<String, Object> values = new HashMap<>(Map.of("url", "http://127.0.0.1:8085", "user", "socialcare",
                "password", "not-a-real-one"));
        if (concurrency != null) {
            values.put("filingConcurrency", concurrency);
        }
        return values;
    }

    @Test
    void filingConcurrencyIsFourUnlessSetAndTakesOneToThirtyTwo() {
        assertEquals(4, RtSettings.from(with(null)).filingConcurrency());
        assertEquals(1, RtSettings.from(with("1")).filingConcurrency());
        assertEquals(32, RtSettings.from(with("32")).filingConcurrency());
        assertTrue(RtSettings.from(with("8")).toString().contains("filingConcurrency=8"));
    }

    @Test
    void aWrongFilingConcurrencyIsRefusedWithTheValueAndTheFix() {
        for (String wrong : new String[] {"0", "33", "-1", "four", "2.5"}) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> RtSettings.from(with(wrong)));
            String said = e.problems().toString();
            assertTrue(said.contains("filingConcurrency") && said.contains(wrong) && said.contains("from 1 to 32"), said);
        }
    }

    @Test
    void theShippedFileSetsFour() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("../descriptors/src/main/karaf/etc/org.socialcarebridge.host.rt.cfg"))) {
            p.load(in);
        }
        assertEquals("4", p.getProperty("filingConcurrency"));
    }
}
