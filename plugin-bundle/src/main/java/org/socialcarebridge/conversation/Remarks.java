package org.socialcarebridge.conversation;

import java.util.ArrayList;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.persistence.ColumnText;

/**
 * What a mapper had to do to one payload so that it could be stored: fields cut to their columns, a
 * text longer than the network allows. Each remark is a line for the ticket and the export, and a cut
 * field's remark quotes it in full, so the agent sees what the customer's network sent.
 */
public final class Remarks {
    private final List<String> lines = new ArrayList<>();

    /**
     * The value as its column holds it. A longer value is cut, and remarked on with its length and in
     * full (up to {@link ColumnText#TEXT_LENGTH}); null stays null.
     *
     * @param field what the value is, as the agent reads it, e.g. {@code "The handle"}
     */
    public String fit(String field, String value, int length) {
        if (value == null || value.length() <= length) {
            return value;
        }
        lines.add("(" + field + " is " + value.length() + " characters long; " + length + " are kept. In full: "
                + ColumnText.capped(value) + ")");
        return ColumnText.cut(value, length);
    }

    /** A text the network should not have sent at that length: kept whole, and said so. */
    public void beyondNetworkLimit(Network network, String what, int length, int limit) {
        if (length > limit) {
            lines.add("(The " + what + " is longer than " + network.displayName() + " allows: " + length
                    + " characters, the limit is " + limit + ")");
        }
    }

    public void add(String remark) {
        lines.add(remark);
    }

    public List<String> list() {
        return List.copyOf(lines);
    }
}
