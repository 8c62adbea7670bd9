package org.socialcarebridge.reply.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a customer posts their own card number in public, the first reply should tell them to take it
 * down, before anything else. This suggests that reply; it never repeats the number.
 */
public final class PublicCardNotice {
    public static final String DEFAULT_TEMPLATE = "@{handle} please don't share card details publicly: delete that post"
            + " and send us a direct message instead, we'll take it from there.";
    static final String PLACEHOLDER = "{handle}";
    /** An X or Mastodon handle, with or without @, local or remote ({@code @jane@mastodon.social}). */
    private static final Pattern HANDLE = Pattern.compile("@?[\\p{L}\\p{N}_.-]{1,64}(?:@[\\p{L}\\p{N}.-]{1,253})?");

    private final String template;

    public PublicCardNotice() {
        this(DEFAULT_TEMPLATE);
    }

    /** @param template the reply, with {@value #PLACEHOLDER} where the customer's handle goes */
    public PublicCardNotice(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("The card notice template is empty; write the public reply, e.g. "
                    + DEFAULT_TEMPLATE);
        }
        List<Finding> cardLike = new ArrayList<>();
        ReadableText readable = ReadableText.of(template);
        new CardNumbers(false).find(readable.text(), cardLike);
        if (!cardLike.isEmpty()) {
            throw new IllegalArgumentException("The card notice template '" + template + "' contains a number of "
                    + CardNumbers.MIN_DIGITS + " to " + CardNumbers.MAX_DIGITS + " digits at character "
                    + readable.inOriginal(cardLike.get(0)).start() + ", which would look like a card number in public; remove it");
        }
        this.template = template;
    }

    /**
     * @param customerText what the customer posted in public
     * @param handle       their handle, with or without @
     * @return the suggested public reply when the text holds a Luhn-valid card number, else empty
     * @throws IllegalArgumentException when the handle is not a handle (it goes into a public post)
     */
    public Optional<String> nudge(String customerText, String handle) {
        if (customerText == null || customerText.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> cards = new ArrayList<>();
        new CardNumbers(true).find(ReadableText.of(customerText).text(), cards);
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            throw new IllegalArgumentException("'" + handle + "' is not a handle to answer; pass the customer's @handle"
                    + " as the network gave it");
        }
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        // replace() is literal and single-pass: a handle cannot inject another placeholder.
        return Optional.of(template.replace(PLACEHOLDER, bare));
    }
}
