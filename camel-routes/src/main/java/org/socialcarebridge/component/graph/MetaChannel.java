package org.socialcarebridge.component.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.Inbound;
import org.socialcarebridge.channel.LengthRule;
import org.socialcarebridge.channel.PrivateMessages;

/**
 * What Meta's channels (a Facebook Page, an Instagram professional account) share as the domain sees them:
 * comments and direct messages delivered by Meta's signed webhook (never polled; a recovery reads the Graph
 * API only after an outage); Meta's rules for private messages (24 hours after the customer's last message,
 * a human agent up to 7 days with {@code HUMAN_AGENT}, one private reply to a comment within 7 days);
 * comments the brand may hide; no idempotency key, so an unanswered send is looked up before it goes again.
 */
public abstract class MetaChannel implements Channel {
    /** Meta counts every code point; a link counts as written (it is not shortened). */
    public static final LengthRule LENGTH = new LengthRule(LengthRule.Counting.CODE_POINTS, 1, false);
    /** The standard messaging window after the customer's last message. */
    public static final Duration MESSAGING_WINDOW = Duration.ofHours(24);
    /** How long after the customer's last message a human agent may still write, with the {@code HUMAN_AGENT} tag. */
    public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);
    /** The tag a human agent's message outside the 24-hour window carries. */
    public static final String HUMAN_AGENT_TAG = "HUMAN_AGENT";
    /** How long after a comment its one private reply may be sent. */
    public static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);

    /** The product's longest text message (Messenger 2000, Instagram 1000). */
    protected abstract int messageLimit();

    @Override
    public Set<Inbound> receives() {
        return Set.of(new Inbound(Inbound.Kind.COMMENT, Inbound.Arrival.WEBHOOK),
                new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.WEBHOOK));
    }

    @Override
    public Optional<PrivateMessages> privateMessages() {
        return Optional.of(new PrivateMessages(messageLimit(), LENGTH, PrivateMessages.Addressing.ACCOUNT,
                MESSAGING_WINDOW, false, new PrivateMessages.LateReplies(HUMAN_AGENT_WINDOW, HUMAN_AGENT_TAG),
                PRIVATE_REPLY_WINDOW));
    }

    /** The brand may hide comments on its own posts and media. */
    @Override
    public boolean hidesComments() {
        return true;
    }

    @Override
    public Duplicates duplicates() {
        return Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN;
    }
}
