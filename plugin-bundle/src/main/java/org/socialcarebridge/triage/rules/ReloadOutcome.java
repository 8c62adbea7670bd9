package org.socialcarebridge.triage.rules;

import java.util.List;

/**
 * What one look at the rules file found, for the log and the admin shell.
 *
 * @param message  one line saying what happened and which rules are now active
 * @param problems why the file was rejected; empty otherwise
 */
public record ReloadOutcome(Status status, String message, List<RuleProblem> problems) {
    public enum Status {
        /** The file changed and its rules are now active. */
        LOADED,
        /** Nothing changed since the last look. */
        UNCHANGED,
        /** The file changed but has problems; the rules active before stay active. */
        REJECTED,
        /** The file is gone; the shipped defaults are active. Said once, until the file is back. */
        MISSING
    }

    public ReloadOutcome {
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        return problems.isEmpty() ? message : message + "\n" + String.join("\n", problems.stream().map(RuleProblem::toString).toList());
    }
}
