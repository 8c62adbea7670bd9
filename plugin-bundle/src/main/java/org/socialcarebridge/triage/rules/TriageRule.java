package org.socialcarebridge.triage.rules;

/**
 * One rule of the file: when its condition holds, its outcome decides what earlier rules left open.
 *
 * @param line where the rule starts in the file, for explanations and problems
 */
public record TriageRule(String name, RuleCondition when, RuleOutcome then, int line) {
    boolean matches(Subject s) {
        return when.matches(s);
    }
}
