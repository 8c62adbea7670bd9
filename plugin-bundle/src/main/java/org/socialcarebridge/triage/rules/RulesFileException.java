package org.socialcarebridge.triage.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rules file that cannot be used; the message lists every problem found, one per line. */
public class RulesFileException extends Exception {
    private final List<RuleProblem> problems;

    public RulesFileException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
