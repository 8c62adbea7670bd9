package org.socialcarebridge.component.instagram;

import java.util.Optional;

import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.component.graph.MetaChannel;

/**
 * An Instagram professional account as the domain sees it: comments on the brand's media, @mentions of
 * the brand in comments elsewhere, and direct messages, all delivered by Meta's signed webhook (object
 * {@code instagram}; a recovery reads the Graph API only after an outage). Public reply = a reply to the
 * comment, one comment long, starting with the author's @username as Instagram's own app does. Private
 * reply = a direct message under Meta's rules, the same as Messenger's: 24 hours after the customer's last
 * message, 7 days for a human agent with {@code HUMAN_AGENT}, and one private reply to a comment within 7
 * days.
 */
public final class InstagramChannel extends MetaChannel {
    public static final Network INSTAGRAM = Network.declare("instagram", "Instagram");
    /** The longest comment Instagram accepts. */
    public static final int COMMENT_LIMIT = 2200;
    /** The longest text of a direct message (the Instagram messaging API's limit, 1000). */
    public static final int MESSAGE_LIMIT = 1000;
    /** Instagram usernames: at most 30 letters, digits, periods and underscores. */
    public static final int LONGEST_USERNAME = 30;

    @Override
    public Network network() {
        return INSTAGRAM;
    }

    @Override
    public Optional<PublicReplies> publicReplies() {
        return Optional.of(new PublicReplies(COMMENT_LIMIT, LENGTH, PublicReplies.Threads.NONE, true));
    }

    @Override
    protected int messageLimit() {
        return MESSAGE_LIMIT;
    }

    /** People are @usernames with a profile at {@code instagram.com/<username>/}. */
    @Override
    public Identities identities() {
        return new Identities(LONGEST_USERNAME, false, "https://www.instagram.com/{handle}/");
    }
}
