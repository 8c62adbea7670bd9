package org.socialcarebridge.component.facebook;

import java.util.Optional;

import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.component.graph.MetaChannel;

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
public final class FacebookChannel extends MetaChannel {
    public static final Network FACEBOOK = Network.declare("facebook", "Facebook");
    /** The longest comment Facebook accepts. */
    public static final int COMMENT_LIMIT = 8000;
    /** The Send API's limit on a text message: 2000 characters. */
    public static final int MESSENGER_LIMIT = 2000;
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
    public Optional<PublicReplies> publicReplies() {
        return Optional.of(new PublicReplies(COMMENT_LIMIT, LENGTH, PublicReplies.Threads.NONE, false));
    }

    @Override
    protected int messageLimit() {
        return MESSENGER_LIMIT;
    }

    /** Page-scoped ids lead to no profile address, so no link pattern: people are shown by name. */
    @Override
    public Identities identities() {
        return new Identities(LONGEST_NAME, false, null, false);
    }
}
