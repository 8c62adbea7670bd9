package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.triage.TriageInput;

/** A rule's {@code network} condition names the running channels only; a dry run's bare text has no network. */
class RunningNetworksTest {
    static final String NAMES_MASTODON = TriageRulesTest.HEAD
            + "  - { name: fediverse, when: { network: [x, Mastodon] }, then: { queue: Fediverse } }\n";

    @Test
    void aRuleNamingANetworkThatIsNotRunningIsAProblemListingTheRunningOnes() {
        RulesFileException e = assertThrows(RulesFileException.class,
                () -> TriageRules.parse(NAMES_MASTODON, "test.yaml", Set.of(Network.X)));
        RuleProblem p = RulesValidationTest.only(e.problems());
        RulesValidationTest.assertProblem(p, 12, "when.network is not a network ('Mastodon')", "use one of x");
    }

    @Test
    void withNoChannelRunningTheProblemSaysSoInsteadOfListingNothing() {
        RulesFileException e = assertThrows(RulesFileException.class,
                () -> TriageRules.parse(NAMES_MASTODON, "test.yaml", Set.of()));
        RulesValidationTest.assertProblem(RulesValidationTest.only(e.problems()), 12,
                "when.network names a network, and no channel is running", "enable a channel");
    }

    @Test
    void withBothRunningTheSameFileReadsAndTheKeyIsMatchedInAnyCase() throws RulesFileException {
        TriageRules rules = TriageRules.parse(NAMES_MASTODON, "test.yaml", Set.of(Network.X, Network.MASTODON));
        assertTrue(TriageRulesTest.decide(rules, Message.of("hi").on(Network.MASTODON, Visibility.PUBLIC))
                .firedRules().contains("fediverse"));
    }

    @Test
    void aNetworkNoChannelDeclaresIsNamedWithTheRunningOnesInTheOrderTheyAttached() {
        RulesFileException e = assertThrows(RulesFileException.class, () -> TriageRules.parse(TriageRulesTest.HEAD
                + "  - { name: a, when: { network: facebook }, then: { tier: P1 } }\n", "test.yaml",
                new LinkedHashSet<>(List.of(Network.X, Network.MASTODON))));
        RulesValidationTest.assertProblem(RulesValidationTest.only(e.problems()), 12,
                "when.network is not a network ('facebook')", "use one of x, mastodon");
    }

    @Test
    void withoutAListOfRunningChannelsAnyNetworksKeyReadsAndMatchesThatNetwork() throws RulesFileException {
        TriageRules rules = TriageRules.parse(TriageRulesTest.HEAD
                + "  - { name: meta, when: { network: Facebook }, then: { queue: Meta } }\n", "test.yaml");
        assertTrue(TriageRulesTest.decide(rules, Message.of("hi").on(Network.fromKey("facebook"), Visibility.PUBLIC))
                .firedRules().contains("meta"));
        assertFalse(TriageRulesTest.decide(rules, Message.of("hi").on(Network.X, Visibility.PUBLIC))
                .firedRules().contains("meta"));
    }

    @Test
    void bareTextNamesNoNetworkSoNoNetworkConditionMatchesIt() throws RulesFileException {
        TriageRules rules = TriageRules.parse(NAMES_MASTODON, "test.yaml");
        TriageInput bare = TriageInput.text("my parcel is late");
        assertEquals(null, bare.network());
        Message m = Message.of("my parcel is late");
        assertFalse(rules.decide(bare, m.signals(rules), TriageRulesTest.NOW).firedRules().contains("fediverse"));
        assertTrue(TriageRulesTest.decide(rules, m).firedRules().contains("fediverse"), "the same text on X matches");
    }
}
