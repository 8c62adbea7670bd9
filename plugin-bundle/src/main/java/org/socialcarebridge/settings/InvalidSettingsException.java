package org.socialcarebridge.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that cannot run; the message lists every problem, one per line. */
public class InvalidSettingsException extends RuntimeException {
    private final List<SettingProblem> problems;

    public InvalidSettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
