package org.socialcarebridge.reply;

import java.util.function.Function;

import org.socialcarebridge.host.DeskTerms;

/** A reply the policy will not post as it stands; the message tells the agent what to change. */
public class ReplyRefusedException extends RuntimeException {
    // Not serialized: the refusal is shown where it is caught, never sent elsewhere.
    private final transient Function<DeskTerms, String> text;

    public ReplyRefusedException(String message) {
        super(message);
        this.text = terms -> message;
    }

    /**
     * A refusal that names the reply form's fields or choices: its message uses the domain's names, and
     * {@link #in(DeskTerms)} the help desk's, for the agent who filled the form.
     */
    public ReplyRefusedException(Function<DeskTerms, String> text) {
        super(text.apply(DeskTerms.DOMAIN));
        this.text = text;
    }

    /** The refusal as the agent reads it on the help desk, in its terms. */
    public String in(DeskTerms terms) {
        return text == null ? getMessage() : text.apply(terms);
    }
}
