package org.socialcarebridge.reply.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses. Every part has a bounded length and the domain's labels are split by dots, so
 * the pattern cannot backtrack far. An address must not follow {@code @}: {@code @jane@mastodon.social}
 * is a Mastodon mention, which is public anyway.
 */
final class EmailAddresses implements Detector {
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w.%+@-])([\\w.%+-]{1,64})@((?:[a-z0-9-]{1,63}\\.){1,8}[a-z]{2,24})(?![\\w-])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    @Override
    public void find(String text, List<Finding> found) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            found.add(new Finding(SensitiveData.EMAIL, SensitiveData.EMAIL.noun(),
                    masked(m.group(1), m.group(2)), m.start(), m.end()));
        }
    }

    /** The first character of the mailbox and the domain: enough to recognise, not to write to. */
    static String masked(String local, String domain) {
        return local.substring(0, local.offsetByCodePoints(0, 1)) + "•••@" + domain;
    }
}
