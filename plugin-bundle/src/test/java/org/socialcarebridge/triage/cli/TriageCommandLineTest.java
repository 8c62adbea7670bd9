package org.socialcarebridge.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.triage.rules.TriageRules;

/** ./socialcare triage and eval-triage, as a shell runs them: exit code, standard output, standard error. */
class TriageCommandLineTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new TriageCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunPrintsTheWholeDecisionAsOneJsonObject() {
        assertEquals(0, run("decide", "@acme my flight was cancelled and I am stranded \"again\"", "--followers", "25000", "--verified", "--json"));
        String json = out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}") && json.lines().count() == 1, json);
        for (String key : new String[] {"\"noise\":false", "\"contactType\":", "\"sentiment\":\"negative\"", "\"category\":\"Cancellation\"",
                "\"priority\":\"P1\"", "\"queue\":", "\"due\":\"", "\"explanation\":\""}) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertFalse(json.contains("stranded \\\"again"), "the message text is never echoed");
    }

    @Test
    void theTextFormSaysWhichRulesFired() {
        assertEquals(0, run("decide", "Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone"));
        assertTrue(out().contains("Decision: no ticket, recorded as noise"), out());
        assertTrue(out().contains("Rules fired: noise"), out());
    }

    @Test
    void wrongUsageSaysWhatWasWrongAndExitsTwo() {
        assertEquals(2, run("decide"));
        assertTrue(err().contains("one message text"), err());
        assertEquals(2, run("decide", "hi", "--followers", "many"));
        assertTrue(err().contains("--followers takes a whole number") && err().contains("'many'"), err());
        assertEquals(2, run("decide", "hi", "--colour"));
        assertTrue(err().contains("unknown option --colour"), err());
        assertEquals(2, run("eval", "/nonexistent/labels.csv"));
        assertTrue(err().contains("/nonexistent/labels.csv"), err());
    }

    @Test
    void aBadRulesFileIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, TriageRules.defaultText().replace("defaults:", "defualts:"));
        assertEquals(2, run("decide", "hello", "--rules", rules.toString()));
        assertTrue(err().contains("rules.yaml:") && err().contains("defualts"), err());
    }

    @Test
    void evalPrintsAccuracyPerClassAndJson(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, """
                text,sentiment,category
                "@acme my order is late, worst service ever",negative,Delay
                "@acme thanks, you are great!",positive,Other
                "@acme what time do you open?",neutral,Other
                """);
        assertEquals(0, run("eval", csv.toString()));
        assertTrue(out().contains("sentiment: n=3, accuracy="), out());
        assertTrue(out().contains("negative") && out().contains("confusion"), out());
        out.reset();
        assertEquals(0, run("eval", csv.toString(), "--train", csv.toString(), "--json"));
        String json = out().strip();
        assertTrue(json.startsWith("{\"sentiment\":{\"n\":3,\"accuracy\":") && json.contains("\"category\":{"), json);
        assertTrue(json.contains("\"f1\":{\"negative\":"), json);
    }
}
