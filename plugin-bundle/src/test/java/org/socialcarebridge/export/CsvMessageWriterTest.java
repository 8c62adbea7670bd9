package org.socialcarebridge.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvMessageWriterTest {
    static String written(MessageRow... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvMessageWriter w = new CsvMessageWriter(bytes)) {
            for (MessageRow r : rows) {
                w.write(r);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static List<String> onlyRow(MessageRow row) throws IOException {
        List<List<String>> records = ExportFiles.csv(written(row));
        assertEquals(2, records.size());
        return records.get(1);
    }

    @Test
    void aCellThatWouldBeAFormulaGetsAnApostrophe() throws IOException {
        for (String text : new String[] {"=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"}) {
            String cell = onlyRow(new MessageRow().set(MessageColumn.TEXT, text)).get(MessageColumn.TEXT.ordinal());
            assertEquals("'" + text, cell, "neutralised: " + text);
        }
        for (String text : new String[] {"a=b", "1+1", " =1", "'quoted", "x@y"}) {
            assertEquals(text, onlyRow(new MessageRow().set(MessageColumn.TEXT, text)).get(MessageColumn.TEXT.ordinal()),
                    "left alone: " + text);
        }
    }

    @Test
    void numbersBooleansAndTimesAreWrittenAsTheyAre() throws IOException {
        List<String> r = onlyRow(new MessageRow().set(MessageColumn.SENTIMENT_SCORE, -0.75).set(MessageColumn.TICKET_ID, 42L)
                .set(MessageColumn.PRIORITY, 70).set(MessageColumn.TICKETED, false)
                .set(MessageColumn.CREATED_AT, Instant.parse("2026-11-01T09:30:00.250Z")));
        assertEquals("-0.75", r.get(MessageColumn.SENTIMENT_SCORE.ordinal()));
        assertEquals("42", r.get(MessageColumn.TICKET_ID.ordinal()));
        assertEquals("70", r.get(MessageColumn.PRIORITY.ordinal()));
        assertEquals("false", r.get(MessageColumn.TICKETED.ordinal()));
        assertEquals("2026-11-01T09:30:00.250Z", r.get(MessageColumn.CREATED_AT.ordinal()));
    }

    @Test
    void rfc4180QuotingAndMissingVersusEmpty() throws IOException {
        String text = "a \"quote\", a comma\r\nand a line";
        String csv = written(new MessageRow().set(MessageColumn.TEXT, text).set(MessageColumn.AUTHOR_NAME, ""));
        String line = csv.substring(csv.indexOf("\r\n") + 2);
        assertEquals(true, line.contains("\"a \"\"quote\"\", a comma\r\nand a line\""), line);
        assertEquals(true, line.endsWith("\r\n"));
        List<String> r = ExportFiles.csv(csv).get(1);
        assertEquals(text, r.get(MessageColumn.TEXT.ordinal()));
        assertEquals("", r.get(MessageColumn.AUTHOR_NAME.ordinal()), "an empty text is \"\"");
        assertNull(r.get(MessageColumn.AUTHOR_HANDLE.ordinal()), "a missing value is nothing");
        assertEquals(MessageColumn.values().length, r.size());
    }

    @Test
    void utf8WithoutAByteOrderMark() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvMessageWriter w = new CsvMessageWriter(bytes)) {
            w.write(new MessageRow().set(MessageColumn.TEXT, "café 😡"));
        }
        byte[] b = bytes.toByteArray();
        assertEquals('d', b[0], "the header starts the file");
        assertEquals(true, bytes.toString(StandardCharsets.UTF_8).contains("café 😡"));
    }
}
