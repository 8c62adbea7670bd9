package org.socialcarebridge.reply;

import java.time.Instant;

import org.socialcarebridge.host.AgentReply;

/** Outbox entries as the outbox leaves them, for tests outside this package. */
public final class PostedReplies {
    private PostedReplies() {
    }

    /** A reply whose one post reached the network at {@code postedAt}. */
    public static OutboxEntry posted(long ticketId, long transactionId, String agent, Instant postedAt) {
        OutboxEntry e = new OutboxEntry(new AgentReply(ticketId, transactionId, agent, "Sorry about that!",
                ReplyVisibility.PUBLIC), postedAt);
        e.posting("@alice Sorry about that!", postedAt);
        e.stepPosted("8" + transactionId, null, postedAt);
        e.posted(postedAt);
        return e;
    }

    /** A reply still waiting (held for approval): nothing reached the customer. */
    public static OutboxEntry held(long ticketId, long transactionId, String agent, Instant at) {
        OutboxEntry e = new OutboxEntry(new AgentReply(ticketId, transactionId, agent, "Let me check.",
                ReplyVisibility.PUBLIC), at);
        e.holdForApproval(at);
        return e;
    }
}
