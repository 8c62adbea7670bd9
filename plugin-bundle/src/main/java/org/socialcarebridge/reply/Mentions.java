package org.socialcarebridge.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The @handles a public reply starts with. The network shows a reply to the people it mentions, so
 * the author of the answered message comes first, then the others the network expects in that thread
 * (on X the answered post's mention chain, on Mastodon every account the answered status mentions).
 * The brand never mentions itself, and nobody is mentioned twice, whatever the case.
 */
public final class Mentions {
    /** A mention at the start of a reply, ending where the handle ends (a comma after it is fine). */
    static final Pattern LEADING = Pattern.compile("\\G\\s*@(" + Handle.PATTERN + ")(?![\\w@])");

    /**
     * A mention as Mastodon finds it in a status's text (its {@code Account::MENTION_RE}): {@code @user}
     * or {@code @user@domain}, not after a letter, digit, {@code _}, {@code =} or {@code /} (so not in an
     * e-mail address or a profile link); the user part is ASCII, the domain any letters; any case.
     */
    private static final Pattern MASTODON = Pattern.compile(
            "(?<![=/\\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@([\\w.-]+\\w+))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private Mentions() {
    }

    /** Every account a Mastodon status with this text mentions, and so delivers to, in order, each once. */
    public static List<Handle> inMastodonStatus(String text) {
        List<Handle> handles = new ArrayList<>();
        Matcher m = MASTODON.matcher(text == null ? "" : text);
        while (m.find()) {
            Handle h = new Handle(m.group(1), m.group(2));
            if (handles.stream().noneMatch(h::sameAs)) {
                handles.add(h);
            }
        }
        return handles;
    }

    /**
     * The accounts a Mastodon direct status with this text would reach besides {@code recipient}: a
     * direct status is delivered to every account it mentions.
     */
    public static List<Handle> othersInMastodonStatus(String text, Handle recipient) {
        return inMastodonStatus(text).stream().filter(h -> !h.sameAs(recipient)).toList();
    }

    /**
     * The reply's final text: the handles missing from its start, then the text as the agent wrote it.
     * Handles the agent already wrote at the start stay where and how they were written.
     *
     * @param otherParticipants the thread's other accounts in the network's order; may be empty
     * @param brandHandles      the brand's own handles on this network, never mentioned
     * @throws ReplyRefusedException when a handle is not one a post can mention
     */
    public static String prefix(String text, String answeredAuthor, List<String> otherParticipants,
                                Set<String> brandHandles) {
        String body = text == null ? "" : text.strip();
        List<Handle> written = leading(body);
        List<Handle> brand = brandHandles == null ? List.of() : brandHandles.stream().map(Handle::parse).toList();
        List<String> candidates = new ArrayList<>();
        candidates.add(answeredAuthor);
        if (otherParticipants != null) {
            candidates.addAll(otherParticipants);
        }
        List<Handle> missing = new ArrayList<>();
        for (String candidate : candidates) {
            Handle handle = Handle.parse(candidate);
            boolean known = brand.stream().anyMatch(handle::sameUser)
                    || written.stream().anyMatch(handle::sameAs)
                    || missing.stream().anyMatch(handle::sameAs);
            if (!known) {
                missing.add(handle);
            }
        }
        StringBuilder out = new StringBuilder();
        for (Handle handle : missing) {
            out.append(handle).append(' ');
        }
        return out.append(body).toString().strip();
    }

    /** The handles a text starts with, in order. */
    static List<Handle> leading(String text) {
        List<Handle> handles = new ArrayList<>();
        Matcher m = LEADING.matcher(text);
        while (m.find()) {
            handles.add(Handle.parse(m.group(1)));
        }
        return handles;
    }

    /** Where the text's leading mentions end: the text from there on is the agent's message. */
    static int endOfLeading(String text) {
        Matcher m = LEADING.matcher(text);
        int end = 0;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }
}
