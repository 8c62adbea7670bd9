package org.socialcarebridge.channel;

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
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
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
