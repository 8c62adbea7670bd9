package org.socialcarebridge.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.socialcarebridge.HostileText;
import org.socialcarebridge.channel.Network;

/** The subject line and its mention stripping, on hostile text: see {@link HostileText}. */
class SubjectLinePropertiesTest {
    private static final SocialIdentity CUSTOMER = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    /** What the subject line did before issue 20, kept to check the linear pass against on short texts. */
    private static final String OLD_LEADING_MENTIONS = "^(\\s*@\\w+(@[\\w.-]+)?)+\\s*";

    @Test
    void thePoisonDirectMessageOfIssue20IsFiledUnderItsWords() {
        // 7,525 characters: "@acme " + "@x " x 2500 + "my router is broken" overflowed the regex's stack
        assertEquals("X DM: my router is broken", SubjectLine.of(dm(HostileText.POISON_DM)));
    }

    @TestFactory
    Stream<DynamicTest> anyTextGivesAShortPrintableSubjectWithoutLeadingMentions() {
        return HostileText.check("subject line", 3, text -> {
            for (Visibility v : Visibility.values()) {
                String subject = SubjectLine.of(message(text, v));
                String prefix = v == Visibility.PRIVATE ? "X DM: " : "X: ";
                assertTrue(subject.startsWith(prefix), subject);
                String words = subject.substring(prefix.length());
                assertFalse(words.isEmpty(), "a subject always says something");
                assertTrue(words.length() <= SubjectLine.MAX_TEXT, words.length() + " characters: " + words);
                assertEquals(words, SubjectLine.withoutLeadingMentions(words).strip(),
                        "the subject starts with a mention: " + words);
                assertTrue(words.chars().noneMatch(Character::isISOControl), "a control character in " + words);
                assertFalse(words.contains("  "), "a run of spaces: " + words);
                if (words.endsWith("…")) {
                    assertFalse(Character.isHighSurrogate(words.charAt(words.length() - 2)),
                            "the cut split a surrogate pair: " + words);
                }
            }
        });
    }

    /** Differential: on short texts of the characters that matter, the linear pass strips what the regex did. */
    @TestFactory
    Stream<DynamicTest> stripsExactlyWhatTheRegexStrippedOnShortTexts() {
        long seed = 2026;
        SplittableRandom r = new SplittableRandom(seed);
        String alphabet = "@@@ax_Z9.-- \n\té";
        return IntStream.range(0, 20).mapToObj(batch -> DynamicTest.dynamicTest("1,000 short texts, seed " + seed
                + " batch " + batch, () -> {
            for (int i = 0; i < 1_000; i++) {
                StringBuilder b = new StringBuilder();
                for (int n = r.nextInt(16); n > 0; n--) {
                    b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String text = b.toString();
                assertEquals(stripAsciiSpace(text.replaceAll(OLD_LEADING_MENTIONS, "")),
                        stripAsciiSpace(SubjectLine.withoutLeadingMentions(text)), "for \"" + text + "\"");
            }
        }));
    }

    @Test
    void aMessageOfOnlyMentionsIsNamedAfterItsAuthor() {
        assertEquals("X: Message from @alice", SubjectLine.of(message("@acme @support\n@x@mastodon.social ", Visibility.PUBLIC)));
    }

    @Test
    void controlCharactersAndLineBreaksBecomeOneSpace() {
        assertEquals("X: my router is broken",
                SubjectLine.of(message("@acme my\r\n router\u0000is\u0085broken\u0007", Visibility.PUBLIC)));
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        String text = "x".repeat(SubjectLine.MAX_TEXT - 2) + "\uD83D\uDE21".repeat(5);
        String words = SubjectLine.of(message(text, Visibility.PUBLIC)).substring("X: ".length());
        assertEquals("x".repeat(SubjectLine.MAX_TEXT - 2) + "…", words);
    }

    /** The regex strips the white space after the last mention; the linear pass leaves it to the caller. */
    private static String stripAsciiSpace(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    private static InboundMessage dm(String text) {
        return message(text, Visibility.PRIVATE);
    }

    private static InboundMessage message(String text, Visibility v) {
        return new InboundMessage(Network.X, "1", CUSTOMER, text, Instant.parse("2026-11-24T10:00:00Z"), null, null, v,
                null);
    }
}
