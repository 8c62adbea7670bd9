package org.socialcarebridge.triage.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void setsMentionsLinksAndEntitiesAside() {
        Words w = Words.of("@acme_uk Hi &amp; HELLO (https://x.example/a?b=c) bit.ly/3x #Order42 it’s @a@mastodon.social");
        assertEquals(List.of("hi", "hello", "it's"), w.words());
        assertEquals(List.of("hi", "hello", "order42", "it's"), w.terms());
        assertEquals(List.of("order42"), w.hashtags());
        assertEquals(List.of("https://x.example/a?b=c)", "bit.ly/3x"), w.links());
        assertFalse(w.asks());
    }

    @Test
    void splitsNegativeContractions() {
        assertEquals(List.of("it", "is", "not", "working", "do", "not", "can", "not"),
                Words.of("It isn't working, dont can't").words());
    }

    @Test
    void zeroWidthCharactersDoNotCutOrHideWords() {
        assertEquals(List.of("claim", "your", "prize"), Words.of("cl\u200Baim your\u200D prize\u2060").words());
    }

    @Test
    void questionMarksOutsideLinks() {
        assertTrue(Words.of("where is it？").asks());
        assertFalse(Words.of("https://example.com/?q=1").asks());
    }

    @Test
    void aDomainWithoutPathIsWords() {
        assertEquals(List.of("acme", "com", "is", "down"), Words.of("acme.com is down").words());
    }

    @Test
    void repeatedCharacterOnlyForLettersAndDigits() {
        assertEquals(7, Words.of("@acme aaaaaaa").repeatedCharacter());
        assertEquals(0, Words.of("aaaab").repeatedCharacter());
        assertEquals(0, Words.of("😡😡😡😡😡").repeatedCharacter());
        assertEquals(0, Words.of("").repeatedCharacter());
    }

    @Test
    void theLastTextIsCutOncePerThreadAndOnlyForTheSameString() throws Exception {
        String text = "my order is late";
        Words first = Words.of(text);
        assertSame(first, Words.of(text));
        Words equalButOther = Words.of(new String(text.toCharArray()));
        assertNotSame(first, equalButOther);
        assertEquals(first.terms(), equalButOther.terms());
        assertEquals(List.of("something", "else"), Words.of("something else").words());
        Words elsewhere = CompletableFuture.supplyAsync(() -> Words.of(text)).get();
        assertNotSame(first, elsewhere);
    }
}
