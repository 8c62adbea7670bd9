package org.socialcarebridge.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void accountsAreShownAsHandlesOrWhereThereAreNoneByName() {
        assertEquals("@alice", new Identities(15, false, null).shown("alice"));
        assertEquals("@alice", new Identities(15, false, null).shown("@alice"));
        assertEquals("Hana Holm", new Identities(200, false, null, false).shown("Hana Holm"));
    }

    @Test
    void answersTheRunningChannelsByNetworkAndKeyInTheOrderTheyWereRegistered() {
        Channels channels = Channels.of(SampleChannels.MASTODON, SampleChannels.X);
        assertSame(SampleChannels.X, channels.of(Network.X));
        assertEquals(List.of("mastodon", "x"), List.copyOf(channels.keys()));
        assertEquals(Optional.of(Network.MASTODON), channels.network(" Mastodon "));
        assertEquals(Optional.empty(), channels.network("facebook"));
    }

    @Test
    void aNetworkThatIsNotRunningIsNamedWithTheOnesThatAre() {
        Channels onlyX = Channels.of(SampleChannels.X);
        assertEquals(Optional.empty(), onlyX.find(Network.MASTODON));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> onlyX.of(Network.MASTODON));
        assertEquals("The Mastodon channel is not running (check its settings); running: x", e.getMessage());
        assertEquals("The X channel is not running (check its settings); running: none",
                assertThrows(IllegalStateException.class, () -> Channels.of().of(Network.X)).getMessage());
    }

    @Test
    void channelsDeclaredAsTheyAttachAreKeptAndADeclarationAgainReplacesTheDescriptionInItsPlace() {
        Channels channels = Channels.none();
        assertTrue(channels.all().isEmpty());
        assertTrue(channels.attach(SampleChannels.X), "a network new here");
        Collection<Channel> before = channels.all();
        assertTrue(channels.attach(SampleChannels.MASTODON));
        assertEquals(List.of(SampleChannels.X), List.copyOf(before), "what a reader holds does not change under it");

        SampleChannels.Described x = (SampleChannels.Described) SampleChannels.X;
        Channel xAgain = new SampleChannels.Described(x.network(), x.receives(), x.publicReplies(), x.privateMessages(),
                x.duplicates(), x.identities());
        assertFalse(channels.attach(xAgain), "the same network attached again");
        assertSame(xAgain, channels.of(Network.X));
        assertEquals(List.of("x", "mastodon"), List.copyOf(channels.keys()));
        assertEquals(Optional.of(Network.MASTODON), channels.network("mastodon"));
    }

    @Test
    void twoDescriptionsOfOneNetworkAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Channels.of(SampleChannels.X, SampleChannels.X));
        assertTrue(e.getMessage().startsWith("Two channels describe X"), e.getMessage());
    }

    @Test
    void valuesRefuseWhatNoNetworkCouldMean() {
        assertThrows(IllegalArgumentException.class, () -> new LengthRule(LengthRule.Counting.CODE_POINTS, 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> new PublicReplies(0, SampleChannels.X_LENGTH, PublicReplies.Threads.NONE));
        assertThrows(IllegalArgumentException.class, () -> new PrivateMessages(100, SampleChannels.X_LENGTH,
                PrivateMessages.Addressing.ACCOUNT, Duration.ZERO, false, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PrivateMessages(100, SampleChannels.X_LENGTH,
                PrivateMessages.Addressing.ACCOUNT, Duration.ofDays(7), false,
                new PrivateMessages.LateReplies(Duration.ofDays(1), "HUMAN_AGENT"), null), "late replies end after the window");
        assertThrows(IllegalArgumentException.class, () -> new PrivateMessages(100, SampleChannels.X_LENGTH,
                PrivateMessages.Addressing.ACCOUNT, null, false, new PrivateMessages.LateReplies(Duration.ofDays(7), "HUMAN_AGENT"),
                null), "no late replies without a window");
        IllegalArgumentException link = assertThrows(IllegalArgumentException.class,
                () -> new Identities(15, false, "https://x.com/"));
        assertTrue(link.getMessage().contains("{handle}"), link.getMessage());
    }

    @Test
    void identitiesShowAndLinkAnAccount() {
        Identities x = SampleChannels.X.identities();
        assertEquals("@alice", x.shown("alice"));
        assertEquals("@alice", x.shown("@alice"));
        assertEquals(Optional.of("https://x.com/alice"), x.linkTo("@alice"));
        assertEquals(Optional.empty(), SampleChannels.MASTODON.identities().linkTo("carol"));
    }

    @Test
    void aChannelSaysWhatItReceivesAndHow() {
        assertEquals(Set.of(Inbound.polled(Inbound.Kind.MENTION), Inbound.polled(Inbound.Kind.DIRECT_MESSAGE)),
                SampleChannels.X.receives());
        assertEquals("x", SampleChannels.X.key());
    }
}
