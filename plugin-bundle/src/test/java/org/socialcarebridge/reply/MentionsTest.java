package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MentionsTest {
    @Test
    void authorFirstThenTheOthersInOrder() {
        assertEquals("@alice @bob @carol We're on it.",
                Mentions.prefix("We're on it.", "alice", List.of("bob", "carol"), Set.of("acme")));
    }

    @Test
    void emptyParticipantsMentionTheAuthorOnly() {
        assertEquals("@alice Hi", Mentions.prefix("Hi", "alice", List.of(), Set.of()));
        assertEquals("@alice Hi", Mentions.prefix("  Hi  ", "@alice", null, null));
    }

    @Test
    void brandIsNeverMentioned() {
        assertEquals("@alice @bob Hi", Mentions.prefix("Hi", "alice", List.of("ACME", "bob", "acme_help"),
                Set.of("acme", "@Acme_Help")));
        // On Mastodon the brand's own instance writes it short, others with the domain.
        assertEquals("@alice@remote.example Hi", Mentions.prefix("Hi", "alice@remote.example",
                List.of("acme@social.example", "acme"), Set.of("acme@social.example")));
        assertEquals("@alice Hi", Mentions.prefix("Hi", "alice", List.of("acme@social.example"), Set.of("acme")));
    }

    @Test
    void eachOnceWhateverTheCase() {
        assertEquals("@Alice @BOB Hi", Mentions.prefix("Hi", "Alice", List.of("alice", "BOB", "bob", "@ALICE"), Set.of()));
        assertEquals("@alice @BOB Hi", Mentions.prefix("Hi", "alice", List.of("BOB", "bob"), Set.of()));
    }

    @Test
    void handlesTheAgentWroteAreKeptAsWritten() {
        assertEquals("@ALICE thanks", Mentions.prefix("@ALICE thanks", "alice", List.of(), Set.of()));
        assertEquals("@alice @Bob, thanks", Mentions.prefix("@Bob, thanks", "alice", List.of("bob"), Set.of()));
        assertEquals("@bob @alice thanks", Mentions.prefix("@bob @alice thanks", "alice", List.of("bob"), Set.of()));
        // A handle later in the text is not the reply's addressing.
        assertEquals("@alice ask @bob", Mentions.prefix("ask @bob", "alice", List.of(), Set.of()));
        assertEquals("@alice @bob ask @bob", Mentions.prefix("ask @bob", "alice", List.of("bob"), Set.of()));
    }

    @Test
    void remoteHandles() {
        assertEquals("@alice@remote.example @bob Hi",
                Mentions.prefix("Hi", "alice@remote.example", List.of("bob", "ALICE@Remote.Example"), Set.of("acme")));
        assertEquals("@Alice@Remote.example Hi",
                Mentions.prefix("@Alice@Remote.example Hi", "alice@remote.example", List.of(), Set.of()));
        // A local alice is another account than the remote one.
        assertEquals("@alice@remote.example @alice Hi",
                Mentions.prefix("@alice Hi", "alice@remote.example", List.of(), Set.of()));
    }

    @Test
    void aHandleAPostCannotMentionIsRefusedNamingIt() {
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> Mentions.prefix("Hi", "alice", List.of("bob <script>"), Set.of()));
        assertTrue(e.getMessage().contains("'bob <script>'"), e.getMessage());
        assertThrows(ReplyRefusedException.class, () -> Mentions.prefix("Hi", null, List.of(), Set.of()));
        assertThrows(ReplyRefusedException.class, () -> Mentions.prefix("Hi", "a@b", List.of(), Set.of()));
    }
}
