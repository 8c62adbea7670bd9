package org.socialcarebridge.followup;

import java.time.Instant;

import org.socialcarebridge.conversation.Network;

/** Follow-up and resolution records as the follow-up code leaves them, for tests outside this package. */
public final class FollowUpRecords {
    private FollowUpRecords() {
    }

    /** A survey sent after {@code resolution} and answered with {@code score} at {@code answeredAt}. */
    public static FollowUp answeredSurvey(Resolution resolution, String conversationKey, Integer score, String answer,
                                          Instant answeredAt) {
        FollowUp f = new FollowUp(resolution, FollowUpKind.SURVEY, conversationKey, Network.X, "2001", "alice",
                answeredAt, answeredAt);
        f.sent("9" + resolution.transactionId(), null, "How did we do, 1 to 5?", answeredAt);
        f.answered(score, answer, "x:answer" + resolution.transactionId(), answeredAt);
        return f;
    }

    /** A survey sent and not answered (yet). */
    public static FollowUp sentSurvey(Resolution resolution, String conversationKey, Instant sentAt) {
        FollowUp f = new FollowUp(resolution, FollowUpKind.SURVEY, conversationKey, Network.X, "2001", "alice", sentAt, sentAt);
        f.sent("9" + resolution.transactionId(), null, "How did we do, 1 to 5?", sentAt);
        return f;
    }

    /** The ticket was opened again after this resolution. */
    public static void reopen(Resolution resolution, Instant at, Instant now) {
        resolution.reopened(at, now);
    }
}
