package org.socialcarebridge.settings;

/** One wrong or missing setting: which key in which file, its value (secrets masked), and the fix. */
public record SettingProblem(String pid, String key, String shownValue, String problem, String fix) {
    @Override
    public String toString() {
        return "Setting " + key + " in etc/" + pid + ".cfg " + (shownValue == null ? "is missing" : "= '" + shownValue + "'")
                + ": " + problem + ". Fix: " + fix;
    }
}
