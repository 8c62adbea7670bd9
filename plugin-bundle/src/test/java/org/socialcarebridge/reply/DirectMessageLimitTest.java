package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.SampleChannels;

class DirectMessageLimitTest {
    @Test
    void xDirectMessagesHoldTenThousand() {
        DirectMessageLimit x = DirectMessageLimit.of(SampleChannels.X);
        assertEquals(10_000, x.limit());
        String full = "a".repeat(10_000);
        assertEquals(full, x.check(full));
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class, () -> x.check(full + "b"));
        assertTrue(e.getMessage().contains("10001") && e.getMessage().contains("10000")
                && e.getMessage().contains("never cut"), e.getMessage());
    }

    @Test
    void xCountsCjkDoubleInDirectMessagesToo() {
        assertThrows(ReplyRefusedException.class, () -> DirectMessageLimit.of(SampleChannels.X).check("日".repeat(5_001)));
        DirectMessageLimit.of(SampleChannels.X).check("日".repeat(5_000));
    }

    @Test
    void mastodonDirectMessagesAreStatuses() {
        DirectMessageLimit mastodon = DirectMessageLimit.of(SampleChannels.MASTODON);
        assertEquals(500, mastodon.limit());
        String text = "@alice@remote.example " + "a".repeat(493); // the mention counts as @alice: 7 + 493
        assertEquals(text, mastodon.check(text));
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class, () -> mastodon.check(text + "!"));
        assertTrue(e.getMessage().contains("501") && e.getMessage().contains("500"), e.getMessage());
    }
}
