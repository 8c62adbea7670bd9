package org.socialcarebridge.channel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one social network is to the plugin: what it receives and how, what the brand may send there
 * and under which rules, and how its accounts are shown. The domain asks its channel these questions
 * instead of switching over networks, so a new network is one new implementation (beside its Camel
 * component) and no edit of the reply, triage or follow-up code.
 */
public interface Channel {

    Network network();

    /** The key that prefixes this network's ids in the ledger and the host, e.g. {@code x}. */
    default String key() {
        return network().key();
    }

    /** What comes in from this network, and whether the plugin polls for it, streams it or is called. */
    Set<Inbound> receives();

    /** Public replies in the customer's thread; empty on a network where the brand only messages privately. */
    Optional<PublicReplies> publicReplies();

    /** Private messages to one customer; empty on a network where everything the brand says is public. */
    Optional<PrivateMessages> privateMessages();

    /**
     * The choices the help desk's reply form offers on this network's tickets: Public where the brand
     * replies in threads, Private where it messages, Move to private where it does both. A network with
     * other rules (e.g. one private reply to a public comment) says so here.
     */
    default Set<ReplyVisibility> replyChoices() {
        Set<ReplyVisibility> choices = EnumSet.noneOf(ReplyVisibility.class);
        publicReplies().ifPresent(p -> choices.add(ReplyVisibility.PUBLIC));
        privateMessages().ifPresent(p -> choices.add(ReplyVisibility.PRIVATE));
        if (publicReplies().isPresent() && privateMessages().isPresent()) {
            choices.add(ReplyVisibility.TO_PRIVATE);
        }
        return choices;
    }

    /**
     * Whether the brand may hide a customer's public comment on its own page (Facebook, Instagram): the
     * help desk then offers it, and the channel's client does it ({@link NetworkClient#hide}).
     */
    default boolean hidesComments() {
        return false;
    }

    /**
     * Whether a private message continues the conversation its {@code conversationId} names (WhatsApp: one per
     * customer and business number) rather than the customer's latest conversation on the network (X,
     * Facebook: the public and private messages of one case on one ticket).
     */
    default boolean privateThreads() {
        return false;
    }

    /** How a post retried after a timeout is kept from appearing twice. */
    Duplicates duplicates();

    /** How this network's accounts are named and shown. */
    Identities identities();
}
