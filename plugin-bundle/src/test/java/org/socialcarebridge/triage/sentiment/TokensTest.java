package org.socialcarebridge.triage.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> texts(String s) {
        return Tokens.of(s).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void wordsKeepApostrophesAndAreLowerCase() {
        assertEquals(List.of("WORD:don't", "WORD:it's", "WORD:ok", "MARK:!"), texts("Don't it’s OK!"));
    }

    @Test
    void capitalsAreMarkedAsShouting() {
        List<Token> t = Tokens.of("NEVER again I");
        assertTrue(t.get(0).shouted());
        assertTrue(!t.get(1).shouted());
        assertTrue(!t.get(2).shouted(), "a single capital letter is not shouting");
    }

    @Test
    void mentionsUrlsAndHashtags() {
        assertEquals(List.of("MENTION:shop", "WORD:see", "URL:url", "WORD:never", "WORD:again", "WORD:fail"),
                texts("@Shop see https://x.example/a?b=c #NeverAgain #fail"));
        assertEquals(List.of("URL:url"), texts("www.example.com"));
    }

    @Test
    void emojiAndEmoticons() {
        assertEquals(List.of("EMOTE:😡", "EMOTE:❤", "EMOTE:👍", "EMOTE::(", "EMOTE::)", "EMOTE::/", "EMOTE:/s"),
                texts("😡❤️👍🏽 :-( :) :/ /s"));
    }

    @Test
    void timesAndUrlsAreNotEmoticons() {
        assertEquals(List.of("WORD:at", "WORD:10", "MARK::", "WORD:30"), texts("at 10:30"));
    }

    @Test
    void htmlEntitiesAreSkipped() {
        assertEquals(List.of("WORD:a", "WORD:b"), texts("a &amp; b"));
    }

    @Test
    void hostileInput() {
        assertEquals(List.of(), Tokens.of(null));
        assertEquals(List.of(), Tokens.of(""));
        assertEquals(List.of("WORD:你好", "WORD:مرحبا", "WORD:hi"), texts("你好 مرحبا hi"));
        assertEquals(List.of("WORD:script", "WORD:alert", "WORD:1", "WORD:script"),
                texts("<script>alert(1)</script>"));
        String big = "@a #b :( 😡 http://x ".repeat(600);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertEquals(3000, Tokens.of(big).size()));
        assertEquals(1, Tokens.of("x".repeat(10_000)).size());
        assertEquals(0, Tokens.of("\uD83D").size(), "a lone surrogate is skipped");
    }
}
