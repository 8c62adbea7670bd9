package org.socialcarebridge.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The reply form's choices come from what the channel can send, never from a list of networks. */
class ReplyChoicesTest {

    static Channel sending(Optional<PublicReplies> publicReplies, Optional<PrivateMessages> privateMessages) {
        SampleChannels.Described x = (SampleChannels.Described) SampleChannels.X;
        return new SampleChannels.Described(x.network(), x.receives(), publicReplies, privateMessages, x.duplicates(),
                x.identities());
    }

    @Test
    void aNetworkWithThreadsAndMessagesOffersAllThree() {
        assertEquals(EnumSet.allOf(ReplyVisibility.class), SampleChannels.X.replyChoices());
        assertEquals(EnumSet.allOf(ReplyVisibility.class), SampleChannels.MASTODON.replyChoices());
    }

    @Test
    void withoutPrivateMessagesOnlyPublicWithoutPublicRepliesOnlyPrivate() {
        SampleChannels.Described x = (SampleChannels.Described) SampleChannels.X;
        assertEquals(Set.of(ReplyVisibility.PUBLIC), sending(x.publicReplies(), Optional.empty()).replyChoices(),
                "nothing to move to");
        assertEquals(Set.of(ReplyVisibility.PRIVATE), sending(Optional.empty(), x.privateMessages()).replyChoices(),
                "no thread to acknowledge in");
        assertEquals(Set.of(), sending(Optional.empty(), Optional.empty()).replyChoices());
    }
}
