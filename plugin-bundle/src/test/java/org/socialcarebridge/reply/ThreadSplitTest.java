package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.channel.SampleChannels;

class ThreadSplitTest {
    static final PublicReplies X_REPLIES = SampleChannels.X.publicReplies().orElseThrow();

    static final Pattern COUNTER = Pattern.compile(" \\((\\d+)/(\\d+)\\)$");
    static final String URL = "https://example.com/orders/12345/a-very-long-tracking-path-that-x-counts-as-23?ref=abc";

    /** Each part fits, is numbered i/n, starts as it must, and the parts hold the text exactly once. */
    static List<String> checked(Channel channel, boolean everyPart, String mentions, String body, int limit, int maxParts) {
        String text = mentions.isEmpty() ? body : mentions + " " + body;
        List<String> parts = new ThreadSplit(channel.network(), channel.publicReplies().orElseThrow(), everyPart).split(text, limit, maxParts);
        StringBuilder rebuilt = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            assertTrue(PostLength.of(channel.publicReplies().orElseThrow().length()).count(part) <= limit,
                    "part " + (i + 1) + " is " + PostLength.of(channel.publicReplies().orElseThrow().length()).count(part) + " > " + limit + ": " + part);
            String piece = part;
            if (parts.size() > 1) {
                Matcher m = COUNTER.matcher(part);
                assertTrue(m.find(), part);
                assertEquals(i + 1, Integer.parseInt(m.group(1)));
                assertEquals(parts.size(), Integer.parseInt(m.group(2)));
                piece = part.substring(0, m.start());
            }
            if (!mentions.isEmpty() && (i == 0 || everyPart)) {
                assertTrue(piece.startsWith(mentions + " "), piece);
                piece = piece.substring(mentions.length() + 1);
            } else if (!mentions.isEmpty()) {
                assertFalse(piece.startsWith(mentions), piece);
            }
            assertEquals(piece.strip(), piece, "no part starts or ends with a space");
            rebuilt.append(piece);
        }
        assertEquals(body.replaceAll("\\s+", ""), rebuilt.toString().replaceAll("\\s+", ""));
        return parts;
    }

    static List<String> x(String body, int maxParts) {
        return checked(SampleChannels.X, false, "@alice", body, 280, maxParts);
    }

    @Test
    void aReplyThatFitsIsOnePostWithoutCounter() {
        String body = "a".repeat(273);
        assertEquals(List.of("@alice " + body), new ThreadSplit(Network.X, X_REPLIES, false).split("@alice " + body, 280, 4));
    }

    @Test
    void oneOverTheLimitBecomesTwoNumberedParts() {
        String body = "word ".repeat(54) + "wordy"; // 7 + 275 = 282
        List<String> parts = x(body, 4);
        assertEquals(2, parts.size());
        assertTrue(parts.get(0).startsWith("@alice word") && parts.get(0).endsWith(" (1/2)"), parts.get(0));
        assertTrue(parts.get(1).endsWith("wordy (2/2)"), parts.get(1));
    }

    @Test
    void partsFillToExactlyTheLimit() {
        // "@alice " (7) + 267 + " (1/2)" (6) = 280 exactly; the next word goes on.
        String first = "a".repeat(267);
        List<String> parts = x(first + " bbbbbbbbbb", 4);
        assertEquals("@alice " + first + " (1/2)", parts.get(0));
        assertEquals(280, PostLength.of(SampleChannels.X_LENGTH).count(parts.get(0)));
        assertEquals("bbbbbbbbbb (2/2)", parts.get(1));
        List<String> over = x("a".repeat(268) + " bbbbbbbbbb", 4);
        assertEquals(List.of("@alice " + first + " (1/2)", "a bbbbbbbbbb (2/2)"), over,
                "a 268-letter word fits in no part and is cut");
    }

    @Test
    void partsEndAtSentencesRatherThanMidSentence() {
        String first = "We found your order and it is on its way to you now. ".repeat(3).strip();
        String second = "The courier will call you tomorrow before noon to agree on a time that suits you best,"
                + " and you can follow every step with the link we sent by email a few minutes ago.";
        List<String> parts = x(first + " " + second, 4);
        assertEquals("@alice " + first + " (1/2)", parts.get(0));
        assertEquals(second + " (2/2)", parts.get(1));
    }

    @Test
    void withoutSentenceEndsPartsEndBetweenWords() {
        String body = "lorem ipsum dolor sit amet ".repeat(30).strip();
        for (String part : x(body, 4)) {
            String piece = COUNTER.matcher(part).replaceAll("").replace("@alice ", "");
            for (String word : piece.split(" ")) {
                assertTrue(List.of("lorem", "ipsum", "dolor", "sit", "amet").contains(word), "cut inside: " + word);
            }
        }
    }

    @Test
    void sentencesGiveWayToWordsWhenThatKeepsTheThreadWithinMaxParts() {
        String a = "a".repeat(148) + ".";
        String b = "b ".repeat(124) + "b.";
        String c = "c".repeat(119) + ".";
        String body = a + " " + b + " " + c;
        List<String> bySentence = x(body, 3);
        assertEquals(3, bySentence.size());
        assertEquals("@alice " + a + " (1/3)", bySentence.get(0));
        assertEquals(b + " (2/3)", bySentence.get(1));
        List<String> byWord = x(body, 2);
        assertEquals(2, byWord.size());
        assertTrue(byWord.get(0).startsWith("@alice " + a + " b b"), byWord.get(0));
    }

    @Test
    void anEarlySentenceEndDoesNotWasteAPart() {
        String body = "Hi. " + "lorem ipsum dolor sit amet ".repeat(12).strip();
        List<String> parts = x(body, 4);
        assertEquals(2, parts.size());
        assertTrue(parts.get(0).length() > 200, parts.get(0));
    }

    @Test
    void urlsCountTwentyThreeAndAreNeverCut() {
        String body = ("See " + URL + " for the details of the delivery. ").repeat(8).strip();
        List<String> parts = x(body, 4);
        assertTrue(parts.size() >= 2);
        long urls = parts.stream().mapToLong(p -> p.split(Pattern.quote(URL), -1).length - 1).sum();
        assertEquals(8, urls, "every link is whole in some part");
        // Raw characters well over the limit, but each link weighs 23.
        assertTrue(parts.get(0).length() > 280, parts.get(0));
    }

    @Test
    void aLinkGluedToAWordStaysWhole() {
        String body = "word ".repeat(60) + "(see:" + URL + ")";
        List<String> parts = x(body, 4);
        assertTrue(parts.stream().anyMatch(p -> p.contains(URL)), parts.toString());
    }

    @Test
    void xCountsCjkDouble() {
        String sentence = "ご注文の商品は本日発送されました。";
        String body = sentence.repeat(20);
        List<String> parts = x(body, 8);
        // 17 characters weigh 34 on X: 20 sentences of 34 do not fit in 2 parts.
        assertTrue(parts.size() >= 3, parts.toString());
        for (String part : parts) {
            String piece = COUNTER.matcher(part).replaceAll("").replace("@alice ", "");
            assertTrue(piece.endsWith("。"), "CJK parts end at a sentence: " + piece);
        }
        // Mastodon counts the same text by code points: it fits in one post.
        assertEquals(1, checked(SampleChannels.MASTODON, true, "@alice", body, 500, 4).size());
    }

    @Test
    void emojiAndSurrogatePairsAreNeverCut() {
        String family = "👨‍👩‍👧";
        String body = (family + "😀🇫🇷é").repeat(60); // one long "word": cut hard, between characters only
        for (String part : checked(SampleChannels.X, false, "@alice", body, 280, 20)) {
            String piece = COUNTER.matcher(part).replaceAll("").replace("@alice ", "");
            assertFalse(Character.isLowSurrogate(piece.charAt(0)), piece);
            assertFalse(Character.isHighSurrogate(piece.charAt(piece.length() - 1)), piece);
            assertEquals(0, piece.replace(family, "").replace("😀", "").replace("🇫🇷", "").replace("é", "").length(),
                    "no emoji sequence cut: " + piece);
        }
    }

    @Test
    void aWordLongerThanAPartIsCutHard() {
        String word = "x".repeat(600);
        List<String> parts = x("Your code: " + word, 4);
        // It starts right after the words before it: cut anyway, it saves a part.
        assertEquals(3, parts.size());
        assertEquals("@alice Your code: " + "x".repeat(256) + " (1/3)", parts.get(0));
        assertEquals("x".repeat(274) + " (2/3)", parts.get(1));
        assertEquals("x".repeat(70) + " (3/3)", parts.get(2));
        // Short words before a long one are not cut; the long one is.
        assertTrue(x("Short words here " + "y".repeat(300), 4).get(0).contains("Short words here y"));
    }

    @Test
    void mentionsInEveryPartOnMastodon() {
        String mentions = "@alice@remote.example @bob";
        String body = "Thanks for waiting, we are looking into it right now. ".repeat(20).strip();
        List<String> parts = checked(SampleChannels.MASTODON, true, mentions, body, 500, 4);
        assertTrue(parts.size() >= 3);
        assertTrue(parts.stream().allMatch(p -> p.startsWith(mentions + " ")));
        assertTrue(ThreadSplit.of(SampleChannels.MASTODON).split(mentions + " " + body, 500, 4).get(2).startsWith(mentions));
        assertFalse(ThreadSplit.of(SampleChannels.X).split("@alice @bob " + body, 280, 8).get(1).startsWith("@"));
    }

    @Test
    void theAgentsSeparatorAfterTheMentionsIsKept() {
        String body = ", thanks for waiting. " + "We are looking into it right now. ".repeat(10).strip();
        List<String> parts = ThreadSplit.of(SampleChannels.MASTODON).split("@alice" + body, 200, 4);
        assertTrue(parts.get(0).startsWith("@alice, thanks for waiting."), parts.get(0));
        assertTrue(parts.get(1).startsWith("@alice We are"), parts.get(1));
    }

    @Test
    void aLongWordIsNotCutWhereALaterPartHoldsItWhole() {
        // Mastodon repeats the mentions; a word that fits a part is never cut, even in the first.
        String word = "z".repeat(150);
        List<String> parts = checked(SampleChannels.MASTODON, false, "@" + "m".repeat(60), "hello " + word + " bye", 200, 4);
        assertTrue(parts.stream().anyMatch(p -> p.contains(word)), parts.toString());
    }

    @Test
    void mentionsThatLeaveNoRoomAreRefused() {
        String mentions = "@" + "a".repeat(60) + " @" + "b".repeat(60);
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> new ThreadSplit(Network.MASTODON, SampleChannels.MASTODON.publicReplies().orElseThrow(), true).split(mentions + " " + "text ".repeat(40), 128, 10));
        assertTrue(e.getMessage().contains("mentions"), e.getMessage());
    }

    @Test
    void moreThanMaxPartsIsRefusedWithTheCountAndTheLimit() {
        String body = "lorem ipsum dolor sit amet ".repeat(60).strip(); // 1626 with @alice: 6 posts of 280
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> new ThreadSplit(Network.X, X_REPLIES, false).split("@alice " + body, 280, 4));
        assertTrue(e.getMessage().contains("would need 6 posts") && e.getMessage().contains("at most 280")
                && e.getMessage().contains("at most 4 posts"), e.getMessage());
        assertEquals(6, x(body, 6).size());
    }

    @Test
    void tenThousandCharacters() {
        String body = "We are sorry about the delay, your parcel is now on its way. ".repeat(164).strip();
        assertTrue(body.length() >= 10_000);
        List<String> parts = x(body, 100);
        assertTrue(parts.size() > 36 && parts.size() < 45, "parts: " + parts.size());
        assertTrue(parts.get(parts.size() - 1).endsWith("/" + parts.size() + ")"));
        assertTrue(parts.get(9).endsWith(" (10/" + parts.size() + ")"), "counters as wide as the thread needs");
        assertThrows(ReplyRefusedException.class, () -> new ThreadSplit(Network.X, X_REPLIES, false).split(body, 280, 4));
    }

    @Test
    void mixedTextsAlwaysSplitWithinTheLimit() {
        String[] words = {"order", "délai", "ご注文", "😀", "👨‍👩‍👧", "🇫🇷", "e\u0301", "@bob", "@carol@remote.example",
                URL, "(see:" + URL + ")", "end.", "done!", "。", "x".repeat(90), "\n\n", "שלום", "—"};
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < Integer.getInteger("rounds", 150); round++) {
            StringBuilder body = new StringBuilder("start");
            int n = 1 + random.nextInt(160);
            String previous = "start";
            for (int w = 0; w < n; w++) {
                String word = words[random.nextInt(words.length)];
                // Words are glued (CJK, emoji, a link after a word) but mentions stand apart, as networks need.
                boolean glue = random.nextInt(4) == 0 && !word.startsWith("@") && !previous.startsWith("@");
                body.append(glue ? "" : " ").append(word);
                previous = word;
            }
            Channel network = random.nextBoolean() ? SampleChannels.X : SampleChannels.MASTODON;
            int limit = new int[] {60, 140, 280, 500}[random.nextInt(4)];
            List<String> parts = checked(network, random.nextBoolean(), "@alice", body.toString().strip(), limit, 1000);
            for (Pattern whole : List.of(Pattern.compile(Pattern.quote(URL)), REMOTE_MENTION, Pattern.compile("👨‍👩‍👧"))) {
                assertEquals(occurrences(body.toString(), whole), parts.stream().mapToInt(p -> occurrences(p, whole)).sum(),
                        "every " + whole + " whole in a part of " + body + ": " + parts);
            }
        }
    }

    /** A mention as the network sees one: not inside a word. */
    static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w@])@carol@remote\\.example(?![\\w@-]|\\.\\w)");

    static int occurrences(String text, Pattern what) {
        return (int) what.matcher(text).results().count();
    }

    @Test
    void emptyTextIsRefused() {
        ThreadSplit split = ThreadSplit.of(SampleChannels.X);
        assertThrows(ReplyRefusedException.class, () -> split.split("", 280, 4));
        assertThrows(ReplyRefusedException.class, () -> split.split(null, 280, 4));
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class, () -> split.split("@alice @bob  ", 280, 4));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> split.split("hi", 0, 4));
    }
}
