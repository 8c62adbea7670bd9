package org.socialcarebridge.reply;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.Network;

/**
 * The public side of a "Move to private" reply: a short acknowledgement under the customer's post, so
 * the thread shows the brand answered, while the agent's own text goes to the customer as a direct
 * message (checked by {@link DirectMessageLimit}, never shown in public). The template is editable;
 * it must fit X's 280 characters, the strictest network, with the longest handles X allows.
 */
public final class MoveToPrivate {
    public static final String DEFAULT_TEMPLATE = "@{handle} We want to fix this. We've sent you a DM.";
    static final int LIMIT = 280;
    private static final Set<String> PLACEHOLDERS = Set.of("handle", "brand");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** X handles have at most 15 characters; a template that fits with those fits every X customer. */
    private static final String LONGEST_X_HANDLE = "h".repeat(15);

    private final String template;

    private MoveToPrivate(String template) {
        this.template = template;
    }

    public static MoveToPrivate standard() {
        return new MoveToPrivate(DEFAULT_TEMPLATE);
    }

    /**
     * @param template the acknowledgement with {@code {handle}} (the customer) and {@code {brand}}; null or
     *                 blank is the default
     * @throws IllegalArgumentException naming an unknown placeholder, a stray brace, or the length over 280
     */
    public static MoveToPrivate of(String template) {
        if (template == null || template.isBlank()) {
            return standard();
        }
        String t = template.strip();
        Matcher m = PLACEHOLDER.matcher(t);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("Unknown placeholder {" + m.group(1)
                        + "} in the Move to private template '" + t + "'; use {handle} or {brand}");
            }
        }
        String rest = m.replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("The Move to private template '" + t + "' has a brace that opens or"
                    + " closes no placeholder; use {handle} or {brand}");
        }
        MoveToPrivate ack = new MoveToPrivate(t);
        int length = PostLength.of(Network.X).count(ack.render(LONGEST_X_HANDLE, LONGEST_X_HANDLE));
        if (length > LIMIT) {
            throw new IllegalArgumentException("The Move to private template is " + length + " characters on X with"
                    + " 15-character handles; the limit is " + LIMIT + ". Shorten it by " + (length - LIMIT) + ".");
        }
        return ack;
    }

    /**
     * The public acknowledgement for this customer. Handles are filled in without their {@code @}, as
     * the template writes it.
     *
     * @throws ReplyRefusedException when a handle is not one a post can mention, or the text with these
     *                               (long, remote) handles is over 280
     */
    public String acknowledgement(String customerHandle, String brandHandle) {
        Handle customer = Handle.parse(customerHandle);
        String brand = template.contains("{brand}") ? Handle.parse(brandHandle).toString().substring(1) : "";
        String text = render(customer.toString().substring(1), brand);
        int length = PostLength.of(Network.X).count(text);
        if (length > LIMIT) {
            throw new ReplyRefusedException("The Move to private acknowledgement is " + length
                    + " characters; the limit is " + LIMIT + ". Shorten its template in the settings.");
        }
        return text;
    }

    /** One pass, so a handle that looks like a placeholder stays text. */
    private String render(String handle, String brand) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("handle") ? handle : brand));
        }
        m.appendTail(out);
        return out.toString();
    }
}
