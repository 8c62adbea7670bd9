package org.socialcarebridge.reply.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicCardNoticeTest {
    private final PublicCardNotice notice = new PublicCardNotice();

    @Test
    void aCustomerWhoPostsTheirCardIsAskedToTakeItDown() {
        assertEquals(Optional.of("@jane please don't share card details publicly: delete that post and send us a direct"
                + " message instead, we'll take it from there."), notice.nudge("why was 4242 4242 4242 4242 charged twice??", "@jane"));
        assertEquals(notice.nudge("card ４２４２４２４２４２４２４２４２", "jane"), notice.nudge("4242424242424242", "@jane"));
        assertEquals(Optional.of("@jane@mastodon.social please don't share card details publicly: delete that post and send us"
                + " a direct message instead, we'll take it from there."), notice.nudge("4242424242424242", "jane@mastodon.social"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order 4242424242424241 is late", "tracking 1Z999AA10123456784", "call 020 7946 0958",
            "<script>alert(1)</script>"})
    void otherPostsGetNoNotice(String text) {
        assertEquals(Optional.empty(), notice.nudge(text, "jane"));
    }

    @Test
    void theTemplateIsTheAdministratorsChoice() {
        PublicCardNotice custom = new PublicCardNotice("Hi @{handle}, please remove that post and DM us.");
        assertEquals(Optional.of("Hi @jo_99, please remove that post and DM us."), custom.nudge("4111 1111 1111 1111", "jo_99"));
    }

    @Test
    void aTemplateWithACardLikeNumberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublicCardNotice("@{handle} e.g. 1234 5678 9012 3456 is not allowed here"));
        assertTrue(e.getMessage().contains("contains a number of 13 to 19 digits at character 15"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PublicCardNotice(" "));
        new PublicCardNotice("@{handle} call 020 7946 0958 instead");
    }

    @Test
    void aHandleCannotCarryTextIntoThePublicReply() {
        assertThrows(IllegalArgumentException.class, () -> notice.nudge("4242424242424242", "jane please send 4242"));
        assertThrows(IllegalArgumentException.class, () -> notice.nudge("4242424242424242", "{handle}"));
        assertThrows(IllegalArgumentException.class, () -> notice.nudge("4242424242424242", null));
    }
}
