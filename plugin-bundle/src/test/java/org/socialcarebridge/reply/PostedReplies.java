package org.socialcarebridge.reply;

import java.time.Instant;

import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.host.AgentReply;

/** Outbox entries as the outbox leaves them, for tests outside this package (the steps are the outbox's own). */
public final class PostedReplies {
    private PostedReplies() {
    }

    /** A reply every post of which reached the network at {@code at}. */
    public static OutboxEntry posted(AgentReply reply, Instant at, PostedMessage... posts) {
        OutboxEntry e = new OutboxEntry(reply, at);
        e.posting(reply.text(), at);
        for (PostedMessage p : posts) {
            e.stepPosted(p.id(), p.url(), at);
        }
        e.posted(at);
        return e;
    }

    /** A public reply whose one post reached the network at {@code postedAt}. */
    public static OutboxEntry posted(long ticketId, long transactionId, String agent, Instant postedAt) {
        return posted(new AgentReply(ticketId, transactionId, agent, "Sorry about that!", ReplyVisibility.PUBLIC), postedAt,
                new PostedMessage("8" + transactionId, null));
    }

    /** A reply still waiting (held for approval): nothing reached the customer. */
    public static OutboxEntry held(long ticketId, long transactionId, String agent, Instant at) {
        OutboxEntry e = new OutboxEntry(new AgentReply(ticketId, transactionId, agent, "Let me check.",
                ReplyVisibility.PUBLIC), at);
        e.holdForApproval(at);
        return e;
    }

    /** A reply some posts of which were made before it failed for good. */
    public static OutboxEntry failedAfter(AgentReply reply, Instant at, String error, PostedMessage... posts) {
        OutboxEntry e = new OutboxEntry(reply, at);
        e.posting(reply.text(), at);
        for (PostedMessage p : posts) {
            e.stepPosted(p.id(), p.url(), at);
        }
        e.end(DeliveryState.FAILED, error, at);
        return e;
    }
}
