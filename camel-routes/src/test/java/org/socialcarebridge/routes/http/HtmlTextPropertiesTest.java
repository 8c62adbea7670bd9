package org.socialcarebridge.routes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.socialcarebridge.HostileText;

/** HTML reduction on hostile text: see {@link HostileText}. */
class HtmlTextPropertiesTest {
    @TestFactory
    Stream<DynamicTest> theTextHasNoTagsAndAddsNoHalfPairs() {
        return HostileText.check("HtmlText", 3, html -> {
            String text = HtmlText.of(html);
            // every tag is gone: what looks like one now came from an entity, and the input had none
            if (html.indexOf('&') < 0) {
                assertFalse(hasTag(text), "a tag survived");
            }
            assertTrue(text.length() <= html.length(), "the text grew");
            if (!hasUnpairedSurrogate(html)) {
                assertFalse(hasUnpairedSurrogate(text), "an entity made half a surrogate pair");
            }
            assertFalse(text.contains("\n\n\n"), "more than one empty line in a row");
            assertEquals(text, text.strip());
        });
    }

    @TestFactory
    Stream<DynamicTest> wordsAroundTheMarkupSurvive() {
        return HostileText.check("HtmlText, words kept", 2, html -> {
            String text = HtmlText.of("<p>my order " + html.replace("<", "&lt;") + " is late</p>");
            assertTrue(text.startsWith("my order"), "lost the words before");
            assertTrue(text.endsWith("is late"), "lost the words after");
        });
    }

    @Test
    void aSurrogateEntityIsAReplacementCharacterNotHalfAPair() {
        // found writing the no-half-pairs property: "&#xD800;" decoded to a lone high surrogate
        assertEquals("a \uFFFD b \uFFFD", HtmlText.of("a &#xD800; b &#56320;"));
    }

    @Test
    void aLessThanThatClosesNothingIsText() {
        assertEquals("i <3 it and <b stays", HtmlText.of("i <3 it and <b stays"));
        assertEquals("a < b > c", HtmlText.of("a < b > c"));
        assertEquals("before", HtmlText.of("before<script>alert(1)"), "an unclosed script runs to the end");
        assertEquals("x after", HtmlText.of("x<!-- a comment > with a gt --> after"));
        assertEquals("&#١٢; is no entity", HtmlText.of("&#١٢; is no entity"));
    }

    @Test
    void thousandsOfUnclosedScriptsAndDeepTagsAreLinear() {
        // the regex pass was quadratic on these: each <script> searched the rest for its end (10,000: 7 s)
        String scripts = "<script>".repeat(20_000) + "text";
        assertEquals("", HtmlText.of(scripts));
        assertEquals("deep", HtmlText.of("<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000)));
        assertEquals("tail", HtmlText.of("<!--".repeat(10_000) + ">tail"));
    }

    private static boolean hasTag(String s) {
        int lastGt = s.lastIndexOf('>');
        for (int i = 0; i + 1 < lastGt; i++) {
            char next = s.charAt(i + 1);
            if (s.charAt(i) == '<' && (Character.isLetter(next) && next < 128 || next == '/' || next == '!' || next == '?')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
