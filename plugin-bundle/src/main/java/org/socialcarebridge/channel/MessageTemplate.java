package org.socialcarebridge.channel;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message the network approved in advance, the only kind a business may send after the customer-service
 * window has closed (WhatsApp's message templates). Agents pick one by name in the ticket's reply form;
 * its body's numbered placeholders ({@code {{1}}}, {@code {{2}}}…) are filled from the reply's text.
 *
 * @param name       the template's name on the network, e.g. {@code order_update}
 * @param language   the language code it was approved in, e.g. {@code en_US}
 * @param parameters how many placeholders its body has
 * @param body       its body text as approved, placeholders included (shown to agents)
 */
public record MessageTemplate(String name, String language, int parameters, String body) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    /** Runs of whitespace, line breaks and tabs included (a parameter may hold none of those, nor 4 spaces). */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        if (!isName(name)) {
            throw new IllegalArgumentException("A template's name is lower-case letters, digits and _, not '" + name + "'");
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("The template '" + name + "' names no language");
        }
        if (parameters < 0) {
            throw new IllegalArgumentException("The template '" + name + "' has at least 0 parameters, not " + parameters);
        }
        body = body == null ? "" : body;
    }

    /**
     * The values of the placeholders, from what the agent wrote: none for a template without placeholders
     * (the text stays on the ticket only); the whole text, its line breaks made spaces (WhatsApp refuses
     * them in a parameter), for one; one non-empty line each for more.
     *
     * @throws IllegalArgumentException when the text does not give one value per placeholder
     */
    public List<String> parametersFrom(String text) {
        String written = text == null ? "" : text.strip();
        if (parameters == 0) {
            return List.of();
        }
        if (parameters == 1) {
            if (written.isEmpty()) {
                throw new IllegalArgumentException("The template '" + name + "' has one placeholder ({{1}}): write its"
                        + " value as the reply's text");
            }
            return List.of(SPACES.matcher(written).replaceAll(" "));
        }
        List<String> lines = written.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> SPACES.matcher(l).replaceAll(" ")).toList();
        if (lines.size() != parameters) {
            throw new IllegalArgumentException("The template '" + name + "' has " + parameters + " placeholders ({{1}} to {{"
                    + parameters + "}}): write one line for each in the reply's text, in order; it has " + lines.size()
                    + (lines.size() == 1 ? " line" : " lines"));
        }
        return lines;
    }

    /** Whether this could be a template's name: lower-case letters, digits and _, at most 512 (as the network allows). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** How many placeholders a body has: the highest number among its {@code {{n}}}. */
    public static int placeholders(String body) {
        int highest = 0;
        Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }
}
