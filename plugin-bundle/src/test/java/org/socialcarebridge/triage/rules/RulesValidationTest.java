package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RulesValidationTest {
    /** {@link TriageRulesTest#HEAD} ends on line 11 ("rules:"): the first rule is on line 12. */
    static List<RuleProblem> problems(String yaml) {
        RulesFileException e = assertThrows(RulesFileException.class, () -> TriageRules.parse(yaml, "etc/triage-rules.yaml"));
        assertEquals(e.getMessage(), e.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        return e.problems();
    }

    static List<RuleProblem> rulesProblems(String... rules) {
        return problems(TriageRulesTest.HEAD + String.join("\n", rules) + "\n");
    }

    static RuleProblem only(List<RuleProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    static void assertProblem(RuleProblem p, int line, String... fragments) {
        assertEquals(line, p.line(), p.toString());
        for (String f : fragments) {
            assertTrue(p.toString().contains(f), "expected '" + f + "' in: " + p);
        }
    }

    @Test
    void aProblemSaysWhereWhatTheValueAndTheFix() {
        RuleProblem p = only(rulesProblems("  - name: crisis", "    when: { contactType: crisi }", "    then: { tier: P1 }"));
        assertEquals("etc/triage-rules.yaml:13:26: rules[1] \"crisis\" when.contactType is not a contact type ('crisi')."
                + " Fix: use one of question, complaint, praise, sales-lead, crisis, feedback, other", p.toString());
        assertEquals(26, p.column());
    }

    @Test
    void unknownKeysAreListedWithTheAllowedOnes() {
        assertProblem(only(problems("colour: blue\n" + TriageRulesTest.HEAD + "  - { name: a, then: { tier: P1 } }\n")), 1,
                "the file has an unknown key ('colour')", "businessHours, holidays, tiers, defaults");
        assertProblem(only(rulesProblems("  - name: a", "    when: { contacttype: crisis }", "    then: { tier: P1 }")), 13,
                "when has an unknown key ('contacttype')", "write contactType (keys are case-sensitive)", "noiseKind");
        assertProblem(only(rulesProblems("  - name: a", "    then: { tier: P1, escalate: true }")), 13,
                "then has an unknown key ('escalate')", "raiseTier, stop");
        assertProblem(only(rulesProblems("  - name: a", "    then: { tier: P1 }", "    else: { tier: P2 }")), 14,
                "rules[1] has an unknown key ('else')", "name, when, then");
    }

    @Test
    void wrongTypes() {
        assertProblem(only(rulesProblems("  - name: a", "    when: { vip: maybe }", "    then: { tier: P1 }")), 13,
                "when.vip is not true or false ('maybe')");
        assertProblem(only(rulesProblems("  - name: a", "    when: { followersAtLeast: many }", "    then: { tier: P1 }")), 13,
                "when.followersAtLeast is not a whole number");
        assertProblem(only(rulesProblems("  - name: a", "    then: { priority: 120 }")), 13,
                "then.priority is not a whole number from 0 to 99 ('120')");
        assertProblem(only(rulesProblems("  - name: a", "    when: [vip]", "    then: { tier: P1 }")), 13,
                "when is a list, not a mapping of keys");
        assertProblem(only(rulesProblems("  - name: a", "    then: { queue: [A, B] }")), 13,
                "then.queue is a list, not a single value");
        assertProblem(only(rulesProblems("  - name: a", "    when: { sentimentBelow: -2 }", "    then: { tier: P1 }")), 13,
                "when.sentimentBelow is not a number from -1.0 to 1.0 ('-2')");
        assertProblem(only(problems(TriageRulesTest.HEAD.replace("rules:\n", "rules: everything\n"))), 11,
                "rules is not a list ('everything')");
        assertProblem(only(problems(TriageRulesTest.HEAD.replace("learnedCategoryConfidence: 0.6",
                "learnedCategoryConfidence: 60%") + "  - { name: a, then: { tier: P1 } }\n")), 7,
                "learnedCategoryConfidence is not a number from 0 to 1 ('60%')");
    }

    @Test
    void unknownTiersContactTypesSentimentsAndOtherValues() {
        assertProblem(only(rulesProblems("  - { name: a, then: { tier: P4 } }")), 12, "then.tier is not a tier ('P4')",
                "use P1, P2 or P3");
        assertProblem(only(rulesProblems("  - { name: a, when: { sentiment: angry }, then: { tier: P1 } }")), 12,
                "when.sentiment is not a sentiment ('angry')", "use one of negative, neutral, positive");
        assertProblem(only(rulesProblems("  - { name: a, when: { noiseKind: [spam, scam] }, then: { action: record } }")), 12,
                "is not a noise kind ('scam')", "spam, link-farm, giveaway, marketing, retweet, bot-like");
        assertProblem(only(rulesProblems("  - { name: a, when: { network: \"face book\" }, then: { tier: P1 } }")), 12,
                "is not a network ('face book')", "write a network's key, e.g. x or mastodon");
        assertProblem(only(rulesProblems("  - { name: a, when: { visibility: secret }, then: { tier: P1 } }")), 12,
                "is not a visibility ('secret')", "public, private");
        assertProblem(only(rulesProblems("  - { name: a, when: { language: [] }, then: { tier: P1 } }")), 12,
                "when.language is an empty list, which no message would match");
        assertProblem(only(rulesProblems("  - { name: a, then: { action: ignore } }")), 12, "then.action is not an action ('ignore')",
                "ticket", "record");
        assertProblem(only(rulesProblems("  - { name: a, when: { category: Delays }, then: { tier: P1 } }")), 12,
                "names a category the file does not define ('Delays')", "Delay, Outage, Other");
        assertProblem(only(rulesProblems("  - { name: a, then: { category: Billing } }")), 12,
                "then.category names a category the file does not define ('Billing')");
    }

    @Test
    void duplicateRuleNamesAndKeys() {
        assertProblem(only(rulesProblems("  - { name: vip, then: { tier: P1 } }", "  - { name: VIP, then: { tier: P2 } }")), 13,
                "has the same name as the rule on line 12 ('VIP')");
        assertProblem(only(rulesProblems("  - { name: a, then: { tier: P1, tier: P2 } }")), 12, "has tier twice");
    }

    @Test
    void rulesAfterACatchAllStopCanNeverMatch() {
        RuleProblem p = only(rulesProblems("  - { name: everything, then: { tier: P2, stop: true } }",
                "  - { name: vip, when: { vip: true }, then: { tier: P1 } }"));
        assertProblem(p, 13, "rules[2] \"vip\" can never match: rule \"everything\" on line 12 matches every message and stops",
                "move this rule above \"everything\"");
    }

    @Test
    void aTierUsedButNotDefined() {
        String twoTiers = TriageRulesTest.HEAD.replace("  P3: { respondWithin: 1d, clock: business, priority: 20 }\n", "");
        assertProblem(only(problems(twoTiers + "  - { name: low, then: { tier: P3 } }\n")), 11,
                "then.tier uses tier P3, which tiers: does not define", "add P3: { respondWithin");
        assertProblem(only(problems(twoTiers.replace("tier: P2 }", "tier: P3 }") + "  - { name: a, then: { queue: Q } }\n")), 5,
                "defaults.tier uses tier P3");
    }

    @Test
    void emptyOrMissingRules() {
        assertProblem(only(problems(TriageRulesTest.HEAD.replace("rules:\n", "rules: []\n"))), 11, "rules is empty");
        assertProblem(only(problems(TriageRulesTest.HEAD.replace("rules:\n", ""))), 1, "the file has no rules");
        assertProblem(only(problems("")), 1, "the file is empty");
        assertProblem(only(rulesProblems("  - { name: a }")), 12, "rules[1] \"a\" lacks then");
        assertProblem(only(rulesProblems("  - { name: a, then: {} }")), 12, "then decides nothing");
        assertProblem(only(rulesProblems("  - { then: { tier: P1 } }")), 12, "rules[1] lacks name");
    }

    @Test
    void businessHoursTiersAndHolidays() {
        String head = TriageRulesTest.HEAD;
        assertProblem(only(problems(head.replace("timezone: UTC", "timezone: Mars/Olympus") + "  - { name: a, then: { tier: P1 } }\n")),
                1, "businessHours.timezone is not a time zone ('Mars/Olympus')", "America/New_York");
        assertProblem(only(problems(head.replace("close: \"20:00\"", "close: \"07:00\"") + "  - { name: a, then: { tier: P1 } }\n")),
                1, "businessHours.close is not after open (08:00) ('07:00')");
        assertProblem(only(problems(head.replace("open: \"08:00\"", "open: \"8am\"") + "  - { name: a, then: { tier: P1 } }\n")),
                1, "businessHours.open is not a time of day ('8am')");
        assertProblem(only(problems(head.replace("days: [MON, TUE", "days: [MON, TUES, Funday") + "  - { name: a, then: { tier: P1 } }\n")),
                1, "businessHours.days has a value that is not a day ('Funday')");
        assertProblem(only(problems(head.replace("days: [MON, TUE, WED, THU, FRI]", "days: []") + "  - { name: a, then: { tier: P1 } }\n")),
                1, "businessHours.days is empty");
        assertProblem(only(problems("holidays: [2026-12-25, 2026-13-01]\n" + head + "  - { name: a, then: { tier: P1 } }\n")), 1,
                "holidays has a value that is not a date ('2026-13-01')", "YYYY-MM-DD");
        assertProblem(only(problems(head.replace("respondWithin: 4h", "respondWithin: soon") + "  - { name: a, then: { tier: P1 } }\n")),
                4, "tiers.P2.respondWithin is not a duration ('soon')", "30m, 4h, 1d");
        assertProblem(only(problems(head.replace("clock: always", "clock: sometimes") + "  - { name: a, then: { tier: P1 } }\n")),
                3, "tiers.P1.clock is not a clock ('sometimes')");
        assertProblem(only(problems(head.replace("P3:", "P4:") + "  - { name: a, then: { tier: P1 } }\n")), 5,
                "tiers has an unknown key ('P4')", "P1, P2, P3");
        String noHours = head.substring(head.indexOf('\n') + 1);
        List<RuleProblem> twice = problems(noHours + "  - { name: a, then: { tier: P1 } }\n");
        assertEquals(2, twice.size(), twice.toString());
        assertProblem(twice.get(0), 3, "tiers.P2 runs on the business clock but the file has no businessHours");
        assertProblem(twice.get(1), 4, "tiers.P3 runs on the business clock");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<RuleProblem> all = rulesProblems("  - { name: a, when: { vip: maybe }, then: { tier: P9 } }",
                "  - { name: a, when: { sentiment: angry }, then: { queue: Q } }");
        assertEquals(List.of(12, 12, 13, 13), all.stream().map(RuleProblem::line).toList(), all.toString());
    }

    @Test
    void notYaml() {
        assertProblem(only(problems(TriageRulesTest.HEAD + "  - { name: a, then: { tier: P1 }\n  - other\n")), 13,
                "the file is not valid YAML", "Fix: correct the YAML syntax");
    }

    @Test
    void hostileFilesAreRejectedCleanly() {
        assertProblem(only(problems("rules: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")), 1,
                "Nesting Depth exceeded", "at most 4 levels of nesting");

        String laughs = """
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
                g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
                rules: [*g, *g, *g, *g, *g, *g, *g, *g, *g]
                """;
        assertProblem(only(problems(laughs)), 2, "aliases", "write the values out instead of using anchors");

        String big = TriageRulesTest.HEAD + "  - { name: a, then: { tier: P1 } }\n" + "# padding\n".repeat(210_000);
        assertTrue(big.length() > 2 * 1024 * 1024);
        assertProblem(only(problems(big)), 1, "more than 1048576", "keep the rules file under 1 MiB");

        assertProblem(only(problems("rules: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"http://example.com/\"]]]]\n")), 1, "Global tag is not allowed");
    }

    @Test
    void scalarAliasesAreHarmlessAndAllowed() throws RulesFileException {
        TriageRules rules = TriageRules.parse(TriageRulesTest.HEAD
                + "  - { name: a, when: { vip: true }, then: { queue: &esc Social Escalations } }\n"
                + "  - { name: b, when: { verified: true }, then: { queue: *esc } }\n", "t.yaml");
        assertEquals(2, rules.ruleCount());
    }
}
