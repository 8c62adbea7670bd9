package org.socialcarebridge.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.component.mastodon.MastodonChannel;
import org.socialcarebridge.component.x.XChannel;
import org.socialcarebridge.component.mastodon.MastodonNetworkClient;
import org.socialcarebridge.component.x.XNetworkClient;

/**
 * The domain's tests run on {@link SampleChannels}; the engine runs on these descriptions. They must
 * answer alike, or the domain's tests would pass on numbers no network has.
 */
class ChannelDescriptionsTest {

    static void sameAs(Channel expected, Channel actual) {
        assertEquals(expected.network(), actual.network());
        assertEquals(expected.receives(), actual.receives());
        assertEquals(expected.publicReplies(), actual.publicReplies());
        assertEquals(expected.privateMessages(), actual.privateMessages());
        assertEquals(expected.duplicates(), actual.duplicates());
        assertEquals(expected.identities(), actual.identities());
    }

    /** A client that looks its posts up after an unanswered attempt is one whose network has no idempotency key. */
    static Duplicates howTheClientAvoidsDuplicates(Class<? extends NetworkClient> client) throws Exception {
        boolean looksUp = client.getMethod("findPosted", OutboundPost.class, Instant.class).getDeclaringClass() == client;
        return looksUp ? Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN : Duplicates.IDEMPOTENCY_KEY;
    }

    @Test
    void xAnswersWhatTheDomainsTestsAssume() throws Exception {
        sameAs(SampleChannels.X, new XChannel());
        assertEquals(new XChannel().duplicates(), howTheClientAvoidsDuplicates(XNetworkClient.class));
    }

    @Test
    void mastodonAnswersWhatTheDomainsTestsAssume() throws Exception {
        sameAs(SampleChannels.MASTODON, new MastodonChannel());
        assertEquals(new MastodonChannel().duplicates(), howTheClientAvoidsDuplicates(MastodonNetworkClient.class));
    }
}
