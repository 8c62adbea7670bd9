package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.socialcarebridge.HostileText;

/** The rules' words and keyword matcher, on hostile text. */
class KeywordsPropertiesTest {
    private static final Keywords KEYWORDS = new Keywords(List.of(List.of("broken", "not working"),
            List.of("refund", "money back"), List.of("lawyer")));

    @TestFactory
    Stream<DynamicTest> wordsAreNonEmptyLowerCaseAndInTheText() {
        return HostileText.check("rules words", 3, text -> {
            Words words = Words.of(text);
            String lower = text.toLowerCase(Locale.ROOT);
            int from = 0;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                assertFalse(w.isEmpty(), "an empty word");
                int at = lower.indexOf(w, from);
                assertTrue(at >= from, "word " + i + " is not in the text after the previous one");
                from = at + w.length();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aKeywordIsFoundWhereverItStandsAsAWord() {
        return HostileText.check("rules keywords", 3, text -> {
            String[] before = KEYWORDS.find(Words.of(text));
            assertEquals(3, before.length);
            // a keyword appended as its own word is found, whatever came before
            String[] after = KEYWORDS.find(Words.of(text + " \n Lawyer!"));
            assertEquals("lawyer", after[2], "the keyword after the text was missed");
            for (int g = 0; g < 2; g++) {
                assertTrue(before[g] == null || after[g] != null, "appending a word lost group " + g);
            }
            assertTrue(TriageRules.defaults().topics(text).stream()
                    .allMatch(TriageRules.defaults().categories()::contains), "a topic that is no category");
        });
    }
}
