package org.socialcarebridge.triage;

import java.util.Objects;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Visibility;

/**
 * What triage looks at: one message and what is known of its author. The text is untrusted and may
 * be anything (empty, 10,000 characters, HTML, only emoji).
 *
 * @param network where it was written; null in a dry run that names no network (then no rule's
 *                {@code network} condition matches)
 * @param handle  the author's handle without '@', or null
 * @param vip     the help desk marks the customer as valuable (in RT: member of the VIP group)
 */
public record TriageInput(String text, Network network, Visibility visibility, String handle, long followers,
                          boolean verified, boolean vip) {
    /**
     * Triage reads at most this much of a text: more than any network sends in one message that a
     * person wrote (an X DM is 10,000), and it keeps one decision within its time budget on a hostile
     * 100,000-character text. The whole text is still on the ticket.
     */
    public static final int READ_LENGTH = 16 * 1024;

    public TriageInput {
        text = text == null ? "" : text.length() <= READ_LENGTH ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(READ_LENGTH - 1)) ? READ_LENGTH - 1 : READ_LENGTH);
        Objects.requireNonNull(visibility, "visibility");
    }

    /** A public post with nothing known of its author or network: what a dry run of bare text triages. */
    public static TriageInput text(String text) {
        return new TriageInput(text, null, Visibility.PUBLIC, null, 0, false, false);
    }

    public static TriageInput of(InboundMessage m, boolean vip) {
        return new TriageInput(m.text(), m.network(), m.visibility(), m.author().handle(), m.author().followers(),
                m.author().verified(), vip);
    }
}
