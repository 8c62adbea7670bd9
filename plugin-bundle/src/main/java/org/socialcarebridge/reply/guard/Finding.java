package org.socialcarebridge.reply.guard;

import java.util.Objects;

/**
 * One piece of personal data in a text.
 *
 * @param kind  what it is
 * @param name  the administrator's pattern name (e.g. {@code order number}) for
 *              {@link SensitiveData#ACCOUNT_NUMBER}, otherwise the kind's noun
 * @param shown a masked excerpt that is safe to write in a help-desk comment; never the whole value
 * @param start index of its first character in the inspected text
 * @param end   index after its last character
 */
public record Finding(SensitiveData kind, String name, String shown, int start, int end) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shown, "shown");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A finding spans characters " + start + " to " + end
                    + "; it must start at 0 or later and end after its start");
        }
    }

    /** For the agent, e.g. {@code a card number (•••• •••• •••• 4242)} or {@code an order number (••••••••56)}. */
    public String describe() {
        return SensitiveData.withArticle(name) + " (" + shown + ")";
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
