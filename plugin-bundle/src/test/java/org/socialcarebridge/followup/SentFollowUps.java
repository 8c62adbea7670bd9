package org.socialcarebridge.followup;

import java.time.Instant;

import org.socialcarebridge.conversation.Conversation;

/** Follow-ups as the plugin leaves them, for tests outside this package (their steps are package-private). */
public final class SentFollowUps {
    private SentFollowUps() {
    }

    public static FollowUp sent(Resolution resolution, FollowUpKind kind, Conversation conversation, String postId,
                                String postUrl, String text, Instant at) {
        FollowUp f = new FollowUp(resolution, kind, conversation.key(), conversation.network(),
                conversation.customerAccountId(), conversation.customerHandle(), at, at);
        f.sent(postId, postUrl, text, at);
        return f;
    }

    public static FollowUp answered(Resolution resolution, Conversation conversation, String postId, String postUrl,
                                    String text, Instant sentAt, Integer score, String answer, Instant answeredAt) {
        FollowUp f = sent(resolution, FollowUpKind.SURVEY, conversation, postId, postUrl, text, sentAt);
        f.answered(score, answer, answeredAt);
        return f;
    }
}
