package org.socialcarebridge.component.facebook;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Inbound;
import org.socialcarebridge.channel.LengthRule;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.PublicReplies;

/**
 * A Facebook Page as the domain sees it: comments on the Page's posts and on visitor posts, and
 * Messenger conversations, both delivered by Meta's signed webhook (never polled; a recovery reads the
 * Graph API only after an outage). Public reply = a reply to the comment, one comment long (Facebook has
 * no threads of the brand's own comments). Private reply = a Messenger message, inside Meta's 24-hour
 * window after the customer last wrote; a human agent may answer up to 7 days with the {@code HUMAN_AGENT}
 * tag ({@link #HUMAN_AGENT_WINDOW}); a public comment may be answered once with one private message within
 * 7 days although the customer never wrote privately ({@link #PRIVATE_REPLY_WINDOW}).
 * <p>
 * Comments and Messenger are one network, {@code facebook}: the ticket's Social Network is Facebook for
 * both, the visibility says which (issue 15, point 5).
 */
public final class FacebookChannel implements Channel {
    public static final Network FACEBOOK = Network.declare("facebook", "Facebook");
    /** Facebook counts every code point; a link counts as written (it is not shortened). */
    public static final LengthRule LENGTH = new LengthRule(LengthRule.Counting.CODE_POINTS, 1, false);
    /** The longest comment Facebook accepts. */
    public static final int COMMENT_LIMIT = 8000;
    /** The Send API's limit on a text message: 2000 characters. */
    public static final int MESSENGER_LIMIT = 2000;
    /** Messenger's standard messaging window after the customer's last message. */
    public static final Duration MESSAGING_WINDOW = Duration.ofHours(24);
    /** How long after the customer's last message a human agent may still write, with the {@code HUMAN_AGENT} tag. */
    public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);
    /** The tag a human agent's message outside the 24-hour window carries. */
    public static final String HUMAN_AGENT_TAG = "HUMAN_AGENT";
    /** How long after a comment its one private reply may be sent. */
    public static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);
    /**
     * Facebook shows people by name, not handle, and names have no published maximum: the longest the
     * plugin's handle column keeps.
     */
    static final int LONGEST_NAME = 200;

    @Override
    public Network network() {
        return FACEBOOK;
    }

    @Override
    public Set<Inbound> receives() {
        return Set.of(new Inbound(Inbound.Kind.COMMENT, Inbound.Arrival.WEBHOOK),
                new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.WEBHOOK));
    }

    @Override
    public Optional<PublicReplies> publicReplies() {
        return Optional.of(new PublicReplies(COMMENT_LIMIT, LENGTH, PublicReplies.Threads.NONE, false));
    }

    @Override
    public Optional<PrivateMessages> privateMessages() {
        return Optional.of(metaRules(MESSENGER_LIMIT));
    }

    /**
     * Meta's rules for private messages, Messenger's and Instagram's alike: the 24-hour window, the
     * {@code HUMAN_AGENT} tag up to 7 days, one private reply to a comment within 7 days.
     *
     * @param limit the product's longest text message
     */
    public static PrivateMessages metaRules(int limit) {
        return new PrivateMessages(limit, LENGTH, PrivateMessages.Addressing.ACCOUNT, MESSAGING_WINDOW, false,
                new PrivateMessages.LateReplies(HUMAN_AGENT_WINDOW, HUMAN_AGENT_TAG), PRIVATE_REPLY_WINDOW);
    }

    /** A Page may hide comments on its posts ({@code POST /{comment-id}?is_hidden=true}). */
    @Override
    public boolean hidesComments() {
        return true;
    }

    /**
     * The Graph API has no idempotency key for comments or messages, so after an unanswered send the
     * Page's recent replies are looked up before sending again.
     */
    @Override
    public Duplicates duplicates() {
        return Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN;
    }

    /** Page-scoped ids lead to no profile address, so no link pattern: people are shown by name. */
    @Override
    public Identities identities() {
        return new Identities(LONGEST_NAME, false, null, false);
    }
}
