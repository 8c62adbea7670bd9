package org.socialcarebridge.reply;

/** A reply the policy will not post as it stands; the message tells the agent what to change. */
public class ReplyRefusedException extends RuntimeException {
    public ReplyRefusedException(String message) {
        super(message);
    }
}
