package org.socialcarebridge.reply;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.channel.ReplyVisibility;

/**
 * The public side of a "Move to private" reply: a short acknowledgement under the customer's post, so
 * the thread shows the brand answered, while the agent's own text goes to the customer as a direct
 * message (checked by {@link DirectMessageLimit}, never shown in public). The template is editable;
 * it must fit one public post on every running channel, with the longest handles each allows.
 */
public final class MoveToPrivate {
    public static final String DEFAULT_TEMPLATE = "@{handle} We want to fix this. We've sent you a DM.";
    private static final Set<String> PLACEHOLDERS = Set.of("handle", "brand");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** The template's opening mention, e.g. "@{handle} ", left out where replies mention nobody (Facebook). */
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*@\\{handle}[\\s,:]*");

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
     * @param channels where it may be posted: it must fit a public post on each (X: 280 with 15-character
     *                 handles)
     * @throws IllegalArgumentException naming an unknown placeholder, a stray brace, or the length over a
     *                                  channel's limit
     */
    public static MoveToPrivate of(String template, Channels channels) {
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
        for (Channel channel : channels.all()) {
            if (channel.privateMessages().isEmpty() || channel.publicReplies().isEmpty()) {
                continue; // no Move to private there
            }
            PublicReplies replies = channel.publicReplies().get();
            int longest = channel.identities().longestHandle();
            String handle = "h".repeat(longest);
            int length = PostLength.of(replies.length()).count(render(t, handle, handle));
            if (length > replies.limit()) {
                throw new IllegalArgumentException("The Move to private template is " + length + " characters on "
                        + channel.network().displayName() + " with " + longest + "-character handles; the limit is "
                        + replies.limit() + ". Shorten it by " + (length - replies.limit()) + ".");
            }
        }
        return ack;
    }

    /**
     * The public acknowledgement for this customer. Handles are filled in without their {@code @}, as
     * the template writes it.
     *
     * @param channel where it is posted
     * @throws ReplyRefusedException when a handle is not one a post can mention, or the text with these
     *                               (long, remote) handles is over the channel's limit
     */
    public String acknowledgement(String customerHandle, String brandHandle, Channel channel) {
        PublicReplies replies = channel.publicReplies().orElseThrow(() -> new ReplyRefusedException(terms ->
                "Nothing was sent: " + channel.network().displayName() + " has no public replies to acknowledge in;"
                        + " send the reply as " + terms.choice(ReplyVisibility.PRIVATE) + "."));
        String brand = template.contains("{brand}") ? Handle.parse(brandHandle).toString().substring(1) : "";
        String text;
        if (replies.mentionsAuthor()) {
            text = render(template, Handle.parse(customerHandle).toString().substring(1), brand);
        } else {
            // The reply sits under the customer's comment: a leading @{handle} would only print their name with an @.
            text = render(LEADING_MENTION.matcher(template).replaceFirst(""), customerHandle, brand);
        }
        int length = PostLength.of(replies.length()).count(text);
        if (length > replies.limit()) {
            throw new ReplyRefusedException("The Move to private acknowledgement is " + length
                    + " characters; the limit is " + replies.limit() + ". Shorten its template in the settings.");
        }
        return text;
    }

    /** One pass, so a handle that looks like a placeholder stays text. */
    private static String render(String template, String handle, String brand) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("handle") ? handle : brand));
        }
        m.appendTail(out);
        return out.toString();
    }
}
