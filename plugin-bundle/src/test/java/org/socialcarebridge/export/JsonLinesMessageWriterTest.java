package org.socialcarebridge.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonLinesMessageWriterTest {
    static String written(MessageRow... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesMessageWriter w = new JsonLinesMessageWriter(bytes)) {
            for (MessageRow r : rows) {
                w.write(r);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneObjectPerLineWithTypedValues() throws IOException {
        String text = "line\nbreak \"quoted\" \\ tab\t bell\u0007 sep\u2028 😡";
        String out = written(new MessageRow().set(MessageColumn.TEXT, text).set(MessageColumn.SENTIMENT_SCORE, -0.5)
                        .set(MessageColumn.TICKET_ID, 7L).set(MessageColumn.TICKETED, true)
                        .set(MessageColumn.DUE, Instant.parse("2026-11-02T10:00:00Z")),
                new MessageRow().set(MessageColumn.SENTIMENT_SCORE, Double.NaN));
        String[] lines = out.split("\n", -1);
        assertEquals(3, lines.length, "two lines, each ended by \\n");
        assertEquals("", lines[2]);
        assertFalse(lines[0].contains("\u2028"), "U+2028 is escaped");
        Map<String, Object> first = ExportFiles.json(lines[0]);
        assertEquals(text, first.get("text"));
        assertEquals(-0.5, first.get("sentiment_score"));
        assertEquals(7L, first.get("ticket_id"));
        assertEquals(Boolean.TRUE, first.get("ticketed"));
        assertEquals("2026-11-02T10:00:00Z", first.get("due"));
        assertTrue(first.containsKey("author_name"));
        assertNull(first.get("author_name"));
        assertNull(ExportFiles.json(lines[1]).get("sentiment_score"), "JSON has no NaN");
    }

    @Test
    void aFormulaIsDataHereAndStaysAsWritten() throws IOException {
        assertEquals("=1+1", ExportFiles.json(written(new MessageRow().set(MessageColumn.TEXT, "=1+1")).strip()).get("text"));
    }
}
