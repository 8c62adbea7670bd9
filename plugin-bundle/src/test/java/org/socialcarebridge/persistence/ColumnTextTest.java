package org.socialcarebridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnTextTest {
    @Test
    void aValueThatFitsIsKeptAsItIs() {
        assertSame("abc", ColumnText.cut("abc", 3));
        assertNull(ColumnText.cut(null, 3));
    }

    @Test
    void aLongValueEndsInAnEllipsisAtTheColumnsLength() {
        assertEquals("abcd…", ColumnText.cut("abcdefgh", 5));
    }

    @Test
    void aCutNeverLeavesHalfAnEmoji() {
        String cut = ColumnText.cut("abc😀😀😀", 5); // the emoji is two chars: its first half would be at 4
        assertEquals("abc…", cut);
        assertTrue(cut.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }

    @Test
    void aHugeTextIsCappedWithAMarkerThatSaysHowLongItWas() {
        String text = "x".repeat(ColumnText.TEXT_LENGTH * 2);
        String capped = ColumnText.capped(text);
        assertEquals(ColumnText.TEXT_LENGTH, capped.length());
        assertTrue(capped.endsWith("[cut at 65536 characters; the original had 131072]"), capped.substring(capped.length() - 80));
    }
}
