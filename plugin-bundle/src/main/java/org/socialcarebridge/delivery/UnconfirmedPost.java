package org.socialcarebridge.delivery;

import java.time.Duration;
import java.time.Instant;

import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerStore;
import org.socialcarebridge.persistence.Database;

/**
 * A post whose answer never came (a timeout, a 5xx, a crash mid-post): the network may hold it. X has no
 * idempotency key, so it is looked up before it is sent again; after {@link #PATIENCE} of the network not
 * being able to say, a human decides. Only {@link Delivery} looks up; its callers read these limits.
 */
public final class UnconfirmedPost {
    /** The network's clock and ours differ: a look-up reaches back this much further than the attempt. */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    /** How long the network is asked whether it took a post before the post is marked uncertain. */
    public static final Duration PATIENCE = Duration.ofMinutes(30);

    /** What the look-up learnt. */
    sealed interface Outcome {
    }

    /** The network holds the post: record it, never post it again. */
    record Found(PostedMessage post) implements Outcome {
    }

    /** The network holds no such post: it may be posted. */
    record Absent() implements Outcome {
    }

    /**
     * The network could not say. {@code resetAt} is its rate limit's reset, or null; {@code patienceOver}
     * says a human must look now.
     */
    record Unknown(String why, Instant resetAt, boolean patienceOver) implements Outcome {
    }

    private UnconfirmedPost() {
    }

    /**
     * Looks for {@code post} among the brand's posts since {@code since}, the attempt whose answer never
     * came. A post the plugin recorded as its own (an earlier reply with the same words) is not this one.
     */
    static Outcome lookUp(Database db, NetworkClient network, OutboundPost post, Instant since, Instant now) {
        try {
            return network.findPosted(post, since.minus(CLOCK_SLACK)).stream()
                    .filter(p -> !postedByPlugin(db, network, p.id()))
                    .findFirst().<Outcome>map(Found::new).orElseGet(Absent::new);
        } catch (RuntimeException e) {
            return new Unknown(String.valueOf(e.getMessage()), e instanceof RateLimitedException r ? r.resetAt() : null,
                    !since.plus(PATIENCE).isAfter(now));
        }
    }

    private static boolean postedByPlugin(Database db, NetworkClient network, String postId) {
        return new LedgerStore(db).entry(network.network().key() + ":" + postId)
                .filter(known -> known.direction() == LedgerEntry.Direction.OUTBOUND).isPresent();
    }

    /** The post as it was sent, word for word: the thread may have changed the mentions since. */
    static OutboundPost asSent(OutboundPost post, String sentText) {
        return sentText == null ? post : new OutboundPost(post.network(), post.visibility(), sentText,
                post.inReplyToMessageId(), post.recipientAccountId(), post.recipientHandle(), false, post.tag());
    }
}
