package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.SampleChannels;

class PostLengthTest {
    @Test
    void xCountsEveryUrlAs23() {
        String url = "https://example.com/a/very/long/path/that/is/much/longer/than/twenty/three";
        assertEquals(6 + 23, PostLength.of(SampleChannels.X_LENGTH).count("see: " + " " + url));
        assertEquals(23 + 1 + 23, PostLength.of(SampleChannels.X_LENGTH).count("http://a.b " + url));
    }

    @Test
    void xWeighsCjkAndEmojiDouble() {
        assertEquals(4, PostLength.of(SampleChannels.X_LENGTH).count("日本"));
        assertEquals(2, PostLength.of(SampleChannels.X_LENGTH).count("😀"));
        assertEquals(5, PostLength.of(SampleChannels.X_LENGTH).count("héllo"));
    }

    @Test
    void mastodonCountsCodePoints() {
        assertEquals(2, PostLength.of(SampleChannels.MASTODON_LENGTH).count("日本"));
        assertEquals(1, PostLength.of(SampleChannels.MASTODON_LENGTH).count("😀"));
    }
}
