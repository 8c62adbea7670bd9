package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.triage.rules.ReloadOutcome.Status;

class RulesFileTest {
    static final String GOOD = TriageRulesTest.HEAD + "  - { name: vip, when: { vip: true }, then: { tier: P1 } }\n";
    static final String BETTER = GOOD + "  - { name: mastodon, when: { network: mastodon }, then: { queue: Fediverse } }\n";
    static final String BAD = GOOD + "  - { name: typo, when: { vipp: true }, then: { tier: P1 } }\n";

    @TempDir
    Path dir;

    private int second;

    /** Writes the file with a new modification time, as an editor saving it a moment later does. */
    private void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(++second)));
    }

    @Test
    void aFileReadBeforeTheChannelsAttachIsCheckedAgainAsTheyDo() throws IOException {
        Path file = dir.resolve("triage-rules.yaml");
        write(file, BETTER);
        AtomicReference<Set<Network>> attached = new AtomicReference<>(); // none yet: nothing to check against
        RulesFile rules = new RulesFile(file, attached::get);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status(), "not refused for a channel that is merely late");
        TriageRules early = rules.current();

        attached.set(new LinkedHashSet<>(Set.of(Network.X)));
        assertEquals(Status.UNCHANGED, rules.reloadIfChanged().status(), "read again only when asked to");
        rules.recheck();
        ReloadOutcome onlyX = rules.reloadIfChanged();
        assertEquals(Status.REJECTED, onlyX.status());
        assertTrue(onlyX.problems().get(0).toString().contains("is not a network ('mastodon')")
                && onlyX.problems().get(0).toString().contains("use one of x"), onlyX.problems().toString());
        assertSame(early, rules.current(), "the rules read before stay in force");

        attached.set(new LinkedHashSet<>(java.util.List.of(Network.X, Network.MASTODON)));
        rules.recheck();
        assertEquals(Status.LOADED, rules.reloadIfChanged().status());
        assertEquals(2, rules.current().ruleCount());
    }

    @Test
    void goodThenBadThenFixed() throws IOException {
        Path file = dir.resolve("triage-rules.yaml");
        write(file, GOOD);
        RulesFile rules = new RulesFile(file);
        assertSame(TriageRules.defaults(), rules.current(), "the shipped rules until the file is read");

        ReloadOutcome loaded = rules.reloadIfChanged();
        assertEquals(Status.LOADED, loaded.status());
        assertTrue(loaded.message().contains("1 rules"), loaded.message());
        TriageRules good = rules.current();
        assertEquals(1, good.ruleCount());
        assertEquals(Status.UNCHANGED, rules.reloadIfChanged().status());

        write(file, BAD);
        ReloadOutcome rejected = rules.reloadIfChanged();
        assertEquals(Status.REJECTED, rejected.status());
        assertSame(good, rules.current(), "a bad file keeps the last good rules");
        assertEquals(1, rejected.problems().size());
        RuleProblem p = rejected.problems().get(0);
        assertEquals(13, p.line());
        assertTrue(p.toString().startsWith(file + ":13:"), p.toString());
        assertTrue(p.toString().contains("unknown key ('vipp')"), p.toString());
        assertTrue(rejected.message().contains("still using the rules from " + file), rejected.message());
        assertEquals(Status.UNCHANGED, rules.reloadIfChanged().status(), "reported once, not on every look");

        write(file, BETTER);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status());
        assertEquals(2, rules.current().ruleCount());
    }

    @Test
    void savedAgainWithoutAChangeIsUnchanged() throws IOException {
        Path file = dir.resolve("triage-rules.yaml");
        write(file, GOOD);
        RulesFile rules = new RulesFile(file);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status());
        TriageRules first = rules.current();
        write(file, GOOD);
        assertEquals(Status.UNCHANGED, rules.reloadIfChanged().status(), "same content hash");
        assertSame(first, rules.current());
    }

    @Test
    void aMissingFileFallsBackToTheDefaultsOnce() throws IOException {
        Path file = dir.resolve("triage-rules.yaml");
        RulesFile rules = new RulesFile(file);
        ReloadOutcome missing = rules.reloadIfChanged();
        assertEquals(Status.MISSING, missing.status());
        assertTrue(missing.message().contains("using the shipped default rules"), missing.message());
        assertSame(TriageRules.defaults(), rules.current());
        assertEquals(Status.UNCHANGED, rules.reloadIfChanged().status(), "said once");

        write(file, GOOD);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status());
        assertEquals(1, rules.current().ruleCount());

        Files.delete(file);
        assertEquals(Status.MISSING, rules.reloadIfChanged().status());
        assertSame(TriageRules.defaults(), rules.current());

        write(file, GOOD);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status(), "back again: read again, though the same as before");
    }

    @Test
    void aByteOrderMarkIsIgnoredAndAHugeFileIsRefusedUnread() throws IOException {
        Path file = dir.resolve("triage-rules.yaml");
        write(file, "\uFEFF" + GOOD);
        RulesFile rules = new RulesFile(file);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status());

        write(file, GOOD + "#".repeat(5 * 1024 * 1024));
        ReloadOutcome huge = rules.reloadIfChanged();
        assertEquals(Status.REJECTED, huge.status());
        assertTrue(huge.problems().get(0).toString().contains("under 1 MiB"), huge.toString());
        assertEquals(1, rules.current().ruleCount());
    }

    @Test
    void theShippedRulesAreAValidFile() throws IOException {
        Path file = dir.resolve("triage-rules.yaml");
        write(file, TriageRules.defaultText());
        RulesFile rules = new RulesFile(file);
        assertEquals(Status.LOADED, rules.reloadIfChanged().status());
        assertEquals(TriageRules.defaults().ruleCount(), rules.current().ruleCount());
    }
}
