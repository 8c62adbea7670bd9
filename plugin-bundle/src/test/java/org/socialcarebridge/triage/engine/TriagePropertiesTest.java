package org.socialcarebridge.triage.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.stream.Stream;

import org.socialcarebridge.HostileText;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.rules.TriageRules;
import org.socialcarebridge.triage.signal.CrisisSignal;
import org.socialcarebridge.triage.signal.LanguageSignal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Triage's signals (noise, crisis words, contact type, language, sentiment) and rules, on hostile text. */
class TriagePropertiesTest {
    private static final Triage TRIAGE = Triage.withDefaults();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TestFactory
    Stream<DynamicTest> everyTextGetsADecisionWithAShortExplanation() {
        return HostileText.check("triage", 3, text -> {
            TriageDecision d = TRIAGE.decide(TriageInput.text(text), NOW);
            assertNotNull(d.tier());
            assertNotNull(d.signals().sentiment());
            assertNotNull(d.signals().contactType());
            assertTrue(d.category() == null || !d.category().isBlank(), "a blank category");
            assertTrue(d.explanation().length() <= TriageRules.MAX_EXPLANATION, d.explanation().length() + " characters");
        });
    }

    @TestFactory
    Stream<DynamicTest> eachSignalReadsAnyText() {
        CrisisSignal crisis = new CrisisSignal(CrisisSignal.defaultWords());
        LanguageSignal language = new LanguageSignal();
        return HostileText.check("signals", 3, text -> {
            assertTrue(crisis.read(text).stream().allMatch(CrisisSignal.defaultWords()::contains));
            String lang = language.read(text);
            assertTrue(lang.matches("[a-z]{2,3}"), "language " + lang);
        });
    }
}
