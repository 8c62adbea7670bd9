package org.socialcarebridge.reply;

import java.util.List;

import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.reply.guard.Finding;

/** A public reply the sensitive-data guard stopped: nothing of it was posted; the agent may resend it as Private. */
public final class ReplyBlockedException extends ReplyRefusedException {
    private final List<Finding> findings;

    public ReplyBlockedException(List<Finding> findings) {
        super(terms -> "The public reply contains " + String.join(", ", findings.stream().map(Finding::describe).toList())
                + ", which must never be posted in public. Nothing was sent. Send it again as "
                + terms.choice(ReplyVisibility.PRIVATE) + " (a direct"
                + " message), or without that data.");
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
