package org.socialcarebridge.routes.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.SocialIdentity;

/** The RT extension refuses a RealName over 120 characters or with control characters: the gateway never sends one. */
class CustomerNameTest {
    @Test
    void anAccountOnALongDomainGetsARealNameRtKeeps() {
        String acct = "maria@" + "very-long-fediverse-subdomain.".repeat(8) + "example";
        String name = RtGateway.realName(new SocialIdentity(Network.MASTODON, "109", acct, "Maria\nM", null, 0, false));
        assertEquals(RtGateway.REAL_NAME_LENGTH, name.length());
        assertTrue(name.startsWith("Maria M (@maria@very-long"), name);
        assertTrue(name.chars().noneMatch(c -> c < 0x20 || c == 0x7f), name);
    }

    @Test
    void anOrdinaryNameIsKeptAsItIs() {
        assertEquals("Maria (@maria)", RtGateway.realName(new SocialIdentity(Network.X, "1", "maria", "Maria", null, 0, false)));
        assertEquals("Hana Holm", RtGateway.realName(new SocialIdentity(Network.fromKey("facebook"), "9", "Hana Holm", "Hana Holm",
                null, 0, false)), "Facebook names people and has no handles: the name once");
    }
}
