package org.socialcarebridge.triage.rules;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The {@code when} of a rule: every clause must hold. No clause at all matches every message.
 */
public final class RuleCondition {
    /** One key of {@code when}, as written ("contactType=crisis") and as a test. */
    record Clause(String written, Predicate<Subject> test) {
    }

    private final List<Clause> clauses;
    private final String written;

    RuleCondition(List<Clause> clauses) {
        this.clauses = List.copyOf(clauses);
        this.written = clauses.isEmpty() ? "always" : clauses.stream().map(Clause::written).collect(Collectors.joining(", "));
    }

    boolean matches(Subject s) {
        for (Clause c : clauses) {
            if (!c.test.test(s)) {
                return false;
            }
        }
        return true;
    }

    public boolean matchesEverything() {
        return clauses.isEmpty();
    }

    /** "contactType=crisis, vip=true", or "always". */
    @Override
    public String toString() {
        return written;
    }
}
