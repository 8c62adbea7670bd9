package org.socialcarebridge.component.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.settings.InvalidSettingsException;

/** The Instagram settings file and the channel's rules as the domain reads them. */
class InstagramSettingsTest {
    static final String TOKEN = "page-token-" + UUID.randomUUID();

    @Test
    void theAccountThePageAndItsTokenAreEnoughTheRestHasDefaults() {
        InstagramSettings s = InstagramSettings.from(Map.of("accountId", "17841400000000001", "pageId", "576497280794490",
                "pageToken", TOKEN));
        assertTrue(s.enabled());
        assertEquals("https://graph.facebook.com", s.graphUrl());
        assertEquals(Duration.ofMinutes(5), s.recoveryInterval());
        assertEquals(Duration.ofHours(24), s.recoveryLookBack());
        assertFalse(s.toString().contains(TOKEN));
        assertFalse(InstagramConfiguration.from(s).toString().contains(TOKEN));
    }

    @Test
    void offItNeedsNothing() {
        assertFalse(InstagramSettings.from(Map.of("enabled", "false")).enabled());
    }

    @Test
    void everyProblemIsSaidAtOnceWithTheValueAndTheFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> InstagramSettings.from(Map.of(
                "accountId", "@acme", "pageId", "acme-shop", "recoveryInterval", "1s", "whatsappToken", "x")));
        String all = e.getMessage();
        assertTrue(all.contains("accountId") && all.contains("@acme") && all.contains("digits only"), all);
        assertTrue(all.contains("pageId") && all.contains("acme-shop"), all);
        assertTrue(all.contains("pageToken") && all.contains("instagram_manage_messages"), all);
        assertTrue(all.contains("recoveryInterval"), all);
        assertTrue(all.contains("whatsappToken") && all.contains("not a known key"), all);
        assertEquals(5, e.problems().size(), all);
    }

    @Test
    void instagramsRulesAreMetasWithItsOwnLimitsAndHandles() {
        InstagramChannel channel = new InstagramChannel();
        assertEquals("instagram", channel.network().key());
        assertEquals("Instagram", channel.network().displayName());
        PublicReplies replies = channel.publicReplies().orElseThrow();
        assertEquals(2200, replies.limit());
        assertEquals(PublicReplies.Threads.NONE, replies.threads());
        assertTrue(replies.mentionsAuthor(), "a reply starts with the author's @username, as Instagram's app does");
        PrivateMessages messages = channel.privateMessages().orElseThrow();
        assertEquals(1000, messages.limit());
        assertEquals(Duration.ofHours(24), messages.window());
        assertEquals("HUMAN_AGENT", messages.lateReply().orElseThrow().tag());
        assertEquals(Duration.ofDays(7), messages.lateReply().orElseThrow().upTo());
        assertEquals(Duration.ofDays(7), messages.commentReplyWindow());
        assertEquals("@olga.k", channel.identities().shown("olga.k"));
        assertEquals("https://www.instagram.com/olga.k/", channel.identities().linkTo("olga.k").orElseThrow());
    }
}
