package org.socialcarebridge.triage.rules;

/**
 * One thing wrong in a rules file: where (file, line, column, 1-based), what, the offending value and
 * the fix, so the administrator can correct it without reading code.
 *
 * @param value the offending value as written, or null when there is none to show
 */
public record RuleProblem(String source, int line, int column, String problem, String value, String fix) {
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + problem + (value == null ? "" : " ('" + value + "')")
                + ". Fix: " + fix;
    }
}
