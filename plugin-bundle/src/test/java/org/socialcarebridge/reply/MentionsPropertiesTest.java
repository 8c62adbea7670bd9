package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.socialcarebridge.HostileText;

/** Finding mentions in a status and prefixing a reply's, on hostile text. */
class MentionsPropertiesTest {
    @TestFactory
    Stream<DynamicTest> everyMentionFoundIsAHandleFoundOnce() {
        return HostileText.check("mentions in a status", 3, text -> {
            List<Handle> found = Mentions.inMastodonStatus(text);
            for (int i = 0; i < found.size(); i++) {
                Handle h = found.get(i);
                assertTrue(text.toLowerCase().contains("@" + h.user().toLowerCase()) , "not in the text: " + h);
                for (int k = 0; k < i; k++) {
                    assertTrue(!found.get(k).sameAs(h), "found twice: " + h);
                }
            }
        });
    }

    @Test
    void aMentionWithADomainOfTwentyThousandLabelsIsRefusedNotAStackOverflow() {
        // found by the property test: Handle's repeated domain label recursed once per label
        String text = "@u@" + "a.".repeat(20_000) + "a hello";
        assertEquals("@alice " + text, Mentions.prefix(text, "alice", List.of(), Set.of("acme")));
        assertThrows(ReplyRefusedException.class, () -> Handle.parse("u@" + "a.".repeat(20_000) + "a"));
        assertEquals("@u@" + "a.".repeat(126) + "a", Handle.parse("u@" + "a.".repeat(126) + "a").toString());
    }

    @TestFactory
    Stream<DynamicTest> aReplyKeepsTheAgentsTextAfterTheMentionsItAdds() {
        return HostileText.check("reply mentions", 3, text -> {
            String reply = Mentions.prefix(text, "alice", List.of("bob@mastodon.social", "acme"), Set.of("acme"));
            String body = text.strip();
            assertTrue(reply.endsWith(body), "the agent's text changed");
            String added = reply.substring(0, reply.length() - body.length()).strip();
            assertTrue(added.isEmpty() || added.equals("@alice") || added.equals("@alice @bob@mastodon.social")
                    || added.equals("@bob@mastodon.social"), "added " + added);
            int end = Mentions.endOfLeading(text);
            assertTrue(end >= 0 && end <= text.length(), "end of leading mentions " + end);
        });
    }
}
