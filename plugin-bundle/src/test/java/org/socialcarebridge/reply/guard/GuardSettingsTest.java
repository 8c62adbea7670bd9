package org.socialcarebridge.reply.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialcarebridge.settings.InvalidSettingsException;

class GuardSettingsTest {
    @Test
    void readsDomainsPatternsAndKindsSwitchedOff() {
        GuardSettings s = GuardSettings.from(Map.of(
                "guard.internalDomains", " Intranet.ACME.com, *.acme.local ,, .corp.acme.com",
                "guard.pattern.order number", "ACM-\\d{6}",
                "guard.pattern.account", "[A-Z]{2}\\d{8}",
                "guard.off", "postal-address, PHONE, date_of_birth",
                "outbox.retries", "whatever: another part of the file"));
        assertEquals(Set.of("intranet.acme.com", "acme.local", "corp.acme.com"), s.internalDomains());
        assertEquals(List.of("account", "order number"), s.patterns().stream().map(AdministratorPattern::name).toList());
        assertEquals(Set.of(SensitiveData.POSTAL_ADDRESS, SensitiveData.PHONE, SensitiveData.DATE_OF_BIRTH), s.off());
    }

    @Test
    void nothingSetMeansEveryKindOnAndNoPatterns() {
        assertEquals(GuardSettings.defaults(), GuardSettings.from(Map.of()));
        assertEquals(GuardSettings.defaults(), GuardSettings.from(Map.of("service.pid", "org.socialcarebridge.reply")));
    }

    @Test
    void everyWrongGuardKeyIsNamedWithItsValueAndFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> GuardSettings.from(Map.of(
                "guard.internalDomains", "intranet.acme.com, not a domain!",
                "guard.off", "postal-adress",
                "guard.pattern.order number", "ACM-(\\d",
                "guard.pattern.slow", "(a+)+b",
                "guard.pattern.", "x\\d",
                "guard.pattern.blank", "\\d*",
                "guard.internalDomain", "acme.local",
                "other.key", "left alone")));
        String msg = e.getMessage();
        assertEquals(7, e.problems().size(), msg);
        assertTrue(msg.contains("Setting guard.internalDomains in etc/org.socialcarebridge.reply.cfg = 'intranet.acme.com,"
                + " not a domain!': 'not a domain!' is not a domain name. Fix: list domain names"), msg);
        assertTrue(msg.contains("guard.off in etc/org.socialcarebridge.reply.cfg = 'postal-adress': 'postal-adress' is not a kind"
                + " of personal data the guard knows. Fix: list kinds to leave unchecked, separated by commas, from: card-number,"
                + " account-number, email, phone, date-of-birth, postal-address, internal-link"), msg);
        assertTrue(msg.contains("guard.pattern.order number in etc/org.socialcarebridge.reply.cfg = 'ACM-(\\d': it is not a valid"
                + " regular expression"), msg);
        assertTrue(msg.contains("guard.pattern.slow in etc/org.socialcarebridge.reply.cfg = '(a+)+b': it repeats a group that"
                + " repeats or alternates itself ((a+)+)"), msg);
        assertTrue(msg.contains("Fix: write a Java regular expression of at most 200 characters"), msg);
        assertTrue(msg.contains("guard.pattern. in etc/org.socialcarebridge.reply.cfg = 'x\\d': the pattern has no name"), msg);
        assertTrue(msg.contains("guard.pattern.blank") && msg.contains("it matches empty text"), msg);
        assertTrue(msg.contains("guard.internalDomain in etc/org.socialcarebridge.reply.cfg = 'acme.local': it is not a known"
                + " guard key. Fix: remove it or use guard.internalDomains, guard.off or guard.pattern.<name>"), msg);
        assertTrue(!msg.contains("other.key"), msg);
    }

    @Test
    void anOverlongPatternIsRefused() {
        String regex = "A".repeat(201);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> GuardSettings.from(Map.of("guard.pattern.long", regex)));
        assertTrue(e.getMessage().contains("it is 201 characters long, over the limit of 200"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*", "(?:\\d+-?)+", "(a|ab)*", "((ab)+c)+", "(x\\d{2,})+", "(a?){2,}", "(\\w+\\s?)*$",
            "([a-z]+\\.)+[a-z]+"})
    void nestedRepetitionIsFound(String regex) {
        assertEquals(true, AdministratorPattern.nestedRepetition(regex) != null, regex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACM-\\d{6}", "[A-Z]{2}\\d{8}", "(?:ACM|ORD)-\\d{6}", "(\\d{3}-){2}\\d{4}", "(?i)ref[ -]?\\d{5,8}",
            "[(a+)+]\\d", "\\Q(a+)+\\E\\d", "\\(\\d+\\)+", "(?<!\\d)\\d{10}(?!\\d)", "(ab)?c+", "(a{3})+x"})
    void safePatternsAreAccepted(String regex) {
        assertNull(AdministratorPattern.nestedRepetition(regex), regex);
        AdministratorPattern.compile("p", regex);
    }
}
