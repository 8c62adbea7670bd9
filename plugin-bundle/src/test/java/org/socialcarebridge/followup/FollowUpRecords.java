package org.socialcarebridge.followup;

import java.time.Instant;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.SocialIdentity;

/** Follow-up and resolution records as the follow-up code leaves them, for tests outside this package. */
public final class FollowUpRecords {
    private FollowUpRecords() {
    }

    /** A survey sent after {@code resolution} and answered with {@code score} at {@code answeredAt}. */
    public static FollowUp answeredSurvey(Resolution resolution, String conversationKey, Integer score, String answer,
                                          Instant answeredAt) {
        FollowUp f = new FollowUp(resolution, FollowUpKind.SURVEY, alice(conversationKey, resolution, answeredAt),
                answeredAt, answeredAt);
        f.sent("9" + resolution.transactionId(), null, "How did we do, 1 to 5?", answeredAt);
        f.answered(score, answer, "x:answer" + resolution.transactionId(), answeredAt);
        return f;
    }

    /** A survey sent and not answered (yet). */
    public static FollowUp sentSurvey(Resolution resolution, String conversationKey, Instant sentAt) {
        FollowUp f = new FollowUp(resolution, FollowUpKind.SURVEY, alice(conversationKey, resolution, sentAt), sentAt, sentAt);
        f.sent("9" + resolution.transactionId(), null, "How did we do, 1 to 5?", sentAt);
        return f;
    }

    /** The ticket was opened again after this resolution. */
    public static void reopen(Resolution resolution, Instant at, Instant now) {
        resolution.reopened(at, now);
    }

    /** A follow-up of this conversation sent at {@code at}. */
    public static FollowUp sent(Resolution resolution, FollowUpKind kind, Conversation conversation, String postId,
                                String postUrl, String text, Instant at) {
        FollowUp f = new FollowUp(resolution, kind, conversation, at, at);
        f.sent(postId, postUrl, text, at);
        return f;
    }

    /** A survey of this conversation sent at {@code sentAt} and answered at {@code answeredAt}. */
    public static FollowUp answered(Resolution resolution, Conversation conversation, String postId, String postUrl,
                                    String text, Instant sentAt, Integer score, String answer, Instant answeredAt) {
        FollowUp f = sent(resolution, FollowUpKind.SURVEY, conversation, postId, postUrl, text, sentAt);
        f.answered(score, answer, conversation.network().key() + ":answer" + resolution.transactionId(), answeredAt);
        return f;
    }

    private static Conversation alice(String conversationKey, Resolution resolution, Instant at) {
        return new Conversation(conversationKey, resolution.ticketId(),
                new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 10, false), at);
    }
}
