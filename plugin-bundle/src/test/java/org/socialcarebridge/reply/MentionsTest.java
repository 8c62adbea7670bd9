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
    void instagramUsernamesHaveDotsInsideNeverAtTheEnd() {
        assertEquals("@lena.travels So sorry!", Mentions.prefix("So sorry!", "lena.travels", List.of(), Set.of()));
        assertEquals("@lena.travels thanks", Mentions.prefix("@lena.travels thanks", "lena.travels", List.of(), Set.of()),
                "written by the agent already: not twice");
        assertEquals("@maria Hi @maria.", Mentions.prefix("Hi @maria.", "maria", List.of(), Set.of()),
                "a full stop after a handle is the sentence's");
        assertEquals("lena.travels", Handle.parse("@lena.travels").user());
        org.junit.jupiter.api.Assertions.assertThrows(ReplyRefusedException.class, () -> Handle.parse("lena."));
        org.junit.jupiter.api.Assertions.assertThrows(ReplyRefusedException.class, () -> Handle.parse(".lena"));
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

    /** The mentions as Mastodon reads a status, each written {@code @user} or {@code @user@domain}. */
    static List<String> mastodon(String text) {
        return Mentions.inMastodonStatus(text).stream().map(Handle::toString).toList();
    }

    @Test
    void mastodonMentionsAreFoundWhereMastodonFindsThem() {
        assertEquals(List.of("@carol", "@dan@other.example"), mastodon("@carol please ask @dan@other.example"));
        assertEquals(List.of("@dan"), mastodon("(@dan), then"), "after punctuation");
        assertEquals(List.of("@dan"), mastodon("thanks @dan."), "a full stop ends the handle");
        assertEquals(List.of("@dan"), mastodon("@dan's order"));
        assertEquals(List.of("@dan"), mastodon("ask@@dan"), "a second @ starts a mention");
        assertEquals(List.of("@first.last"), mastodon("hi @first.last!"), "dots inside a user name");
        assertEquals(List.of("@dan@other.example"), mastodon("write to @dan@other.example."), "the domain ends before the dot");
        assertEquals(List.of("@dan@bücher.example"), mastodon("@dan@bücher.example"), "a domain may be any letters");
        assertEquals(List.of("@dan"), mastodon("@dan@"), "no domain after a bare @");
        assertEquals(List.of("@j"), mastodon("@jösé"), "the user part is ASCII: Mastodon mentions @j");
        assertEquals(List.of("@carol"), mastodon("@carol @CAROL @Carol"), "each account once, whatever the case");
        assertEquals(List.of("@dan", "@dan@other.example"), mastodon("@dan @dan@other.example"),
                "a local and a remote account are two accounts");
    }

    @Test
    void mastodonDoesNotReadEmailAddressesLinksOrLookalikesAsMentions() {
        assertEquals(List.of(), mastodon("mail help@acme.example or dan@other.example"));
        assertEquals(List.of(), mastodon("josé@acme.example"), "after a letter of any alphabet");
        assertEquals(List.of(), mastodon("see https://mastodon.social/@dan and https://x.example/?u=@dan"));
        assertEquals(List.of(), mastodon("fullwidth ＠dan is not an at sign"));
        assertEquals(List.of(), mastodon("dan_@x, 9@dan"), "after a digit or an underscore");
        assertEquals(List.of(), mastodon(null));
    }

    @Test
    void othersInAMastodonDirectStatusAreEveryoneButItsRecipient() {
        Handle carol = Handle.parse("carol");
        assertEquals(List.of(), Mentions.othersInMastodonStatus("@Carol your parcel, carol@mail.example", carol));
        assertEquals(List.of("@dan"), Mentions.othersInMastodonStatus("@carol ask @dan", carol).stream().map(Handle::toString).toList());
        assertEquals(List.of("@carol@other.example"), Mentions.othersInMastodonStatus("@carol@other.example hi", carol)
                .stream().map(Handle::toString).toList(), "a namesake on another server is someone else");
        // The Kelvin sign folds to k as Mastodon folds user names: this is @kate.
        assertEquals(List.of(), Mentions.othersInMastodonStatus("@\u212Aate hi", Handle.parse("kate")));
        assertEquals(1, Mentions.othersInMastodonStatus("@carol and @\u212Aate", carol).size());
        Handle remote = Handle.parse("carol@remote.example");
        assertEquals(List.of(), Mentions.othersInMastodonStatus("@CAROL@Remote.Example hi", remote));
        assertEquals(List.of("@carol"), Mentions.othersInMastodonStatus("@carol hi", remote).stream().map(Handle::toString).toList(),
                "without the domain Mastodon reads the local @carol, someone else");
    }
}
