package org.socialcarebridge.reply;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's mark at the end of a reply, the way social teams sign a shared account ({@code ^AB}),
 * so customers and colleagues see who answered. Built from a configurable format and the agent's real
 * name as the help desk knows it; {@code off} signs nothing.
 */
public final class Signature {
    public static final String DEFAULT_FORMAT = " ^{initials}";
    public static final String OFF = "off";
    private static final Set<String> PLACEHOLDERS = Set.of("initials", "first");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_INITIALS = 3;
    /** A first name is published as it stands; a longer one is not a name but pasted text. */
    private static final int MAX_FIRST_NAME = 20;
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");

    /** Null when signing is off. */
    private final String format;

    private Signature(String format) {
        this.format = format;
    }

    /**
     * @param format the format with {@code {initials}} and {@code {first}}; {@code off} disables
     *               signing; null or blank is the default {@value #DEFAULT_FORMAT}
     * @throws IllegalArgumentException naming an unknown placeholder or a stray brace
     */
    public static Signature of(String format) {
        if (format == null || format.isBlank()) {
            return new Signature(DEFAULT_FORMAT);
        }
        if (format.strip().equalsIgnoreCase(OFF)) {
            return new Signature(null);
        }
        Matcher m = PLACEHOLDER.matcher(format);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("Unknown placeholder {" + m.group(1) + "} in signature format '"
                        + format + "'; use {initials} or {first}, or '" + OFF + "' to sign no replies");
            }
        }
        String rest = m.replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("Signature format '" + format + "' has a brace that opens or closes"
                    + " no placeholder; use {initials} or {first}, or '" + OFF + "' to sign no replies");
        }
        return new Signature(format);
    }

    public static Signature standard() {
        return new Signature(DEFAULT_FORMAT);
    }

    public boolean isOff() {
        return format == null;
    }

    /**
     * The text with the agent's signature at its end, once: a text already ending with it is
     * answered as it is. No signature when signing is off or the name has no letters.
     */
    public String sign(String text, String agentRealName) {
        String body = text == null ? "" : text.stripTrailing();
        String signature = forAgent(agentRealName);
        if (signature.isEmpty() || body.endsWith(signature.strip())) {
            return body;
        }
        return body + signature;
    }

    /** The signature for this agent, empty when there is none. */
    public String forAgent(String agentRealName) {
        if (format == null) {
            return "";
        }
        List<String> names = names(agentRealName);
        if (names.isEmpty()) {
            return "";
        }
        String initials = initials(names);
        String first = names.get(0);
        Matcher m = PLACEHOLDER.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("initials") ? initials : first));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The words of a name that hold a letter, each cut to its letters, marks, hyphens and apostrophes:
     * a name is untrusted text (markup, emoji, direction overrides) and only its letters are published.
     */
    static List<String> names(String realName) {
        if (realName == null) {
            return List.of();
        }
        String plain = MARKUP.matcher(Normalizer.normalize(realName, Normalizer.Form.NFC)).replaceAll(" ");
        List<String> names = new ArrayList<>();
        for (String word : plain.split("[\\s\\p{Z}]+")) {
            StringBuilder name = new StringBuilder();
            word.codePoints().filter(Signature::isNamePart).limit(MAX_FIRST_NAME).forEach(name::appendCodePoint);
            if (name.codePoints().anyMatch(Character::isLetter)) {
                names.add(name.toString());
            }
        }
        return names;
    }

    /** One initial a name, at most three: first and last names' when there are more. */
    static String initials(List<String> names) {
        List<String> used = names.size() <= MAX_INITIALS ? names : List.of(names.get(0), names.get(names.size() - 1));
        StringBuilder out = new StringBuilder();
        for (String name : used) {
            int letter = name.codePoints().filter(Character::isLetter).findFirst().orElseThrow();
            out.appendCodePoint(Character.toUpperCase(letter));
        }
        return out.toString();
    }

    private static boolean isNamePart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == '-' || cp == '\'' || cp == '\u2019';
    }
}
