package org.socialcarebridge.triage.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.triage.Sentiment;

class LabelledCsvTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path f = dir.resolve("examples.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsOurFormatWithQuotesCommasNewlinesAndDoubledQuotes() throws IOException {
        Path f = write("text,sentiment,category\n"
                + "\"Late, again\",negative,Delay\r\n"
                + "\"Line one\nline two\",neutral,\n"
                + "\"She said \"\"thanks\"\"\",positive,Other\n");
        List<LabelledExample> e = LabelledCsv.read(f);
        assertEquals(List.of(new LabelledExample("Late, again", Sentiment.NEGATIVE, "Delay"),
                new LabelledExample("Line one\nline two", Sentiment.NEUTRAL, null),
                new LabelledExample("She said \"thanks\"", Sentiment.POSITIVE, "Other")), e);
    }

    @Test
    void columnsMayComeInAnyOrderAndCategoryIsOptional() throws IOException {
        assertEquals(List.of(new LabelledExample("hi", Sentiment.NEUTRAL, null)),
                LabelledCsv.read(write("sentiment,text\nneutral,hi\n")));
        assertEquals(List.of(new LabelledExample("hi", Sentiment.NEGATIVE, "Account")),
                LabelledCsv.read(write("Category,Sentiment,Text\nAccount,NEG,hi")));
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        Path f = dir.resolve("bom.csv");
        byte[] body = "text,sentiment\nok,positive\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        assertEquals(List.of(new LabelledExample("ok", Sentiment.POSITIVE, null)), LabelledCsv.read(f));
    }

    @Test
    void readsTheAirlineFormatAndMapsReasonsToCategories() throws IOException {
        Path f = write("tweet_id,airline_sentiment,negativereason,airline,text\n"
                + "1,negative,Late Flight,X,late\n"
                + "2,negative,longlines,X,queue\n"
                + "3,negative,Cancelled Flight,X,cancelled\n"
                + "4,negative,Lost Luggage,X,lost\n"
                + "5,negative,Damaged Luggage,X,damaged\n"
                + "6,negative,Flight Booking Problems,X,booking\n"
                + "7,negative,Customer Service Issue,X,service\n"
                + "8,negative,Flight Attendant Complaints,X,attendant\n"
                + "9,negative,Bad Flight,X,bad\n"
                + "10,negative,Can't Tell,X,unsure\n"
                + "11,positive,,X,great\n"
                + "12,neutral,,X,question\n");
        List<String> categories = LabelledCsv.read(f).stream().map(LabelledExample::category).toList();
        assertEquals(List.of("Delay", "Delay", "Cancellation", "Lost or Damaged", "Lost or Damaged",
                "Booking and Billing", "Customer Service", "Customer Service", "Service Quality", "Other", "Other",
                "Other"), categories);
    }

    @Test
    void rowsCanBeFilteredByAnyColumn() throws IOException {
        Path f = write("tweet_id,airline_sentiment,negativereason,text\n10,negative,Bad Flight,a\n17,positive,,b\n");
        List<LabelledExample> kept = LabelledCsv.read(f, row -> Long.parseLong(row.get("tweet_id")) % 10 < 7);
        assertEquals(List.of(new LabelledExample("a", Sentiment.NEGATIVE, "Service Quality")), kept);
    }

    @Test
    void aHeaderWithoutSentimentSaysWhatIsMissing() throws IOException {
        Path f = write("text,mood\nhello,happy\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledCsv.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("'sentiment'"), e.getMessage());
        assertTrue(e.getMessage().contains("[text, mood]"), e.getMessage());
    }

    @Test
    void anUnknownSentimentNamesItsLine() throws IOException {
        Path f = write("text,sentiment\nfine,positive\n\"two\nlines\",neutral\nmeh,grumpy\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledCsv.read(f));
        assertTrue(e.getMessage().contains(f + " line 5"), e.getMessage());
        assertTrue(e.getMessage().contains("'grumpy'"), e.getMessage());
        assertTrue(e.getMessage().contains("negative, neutral or positive"), e.getMessage());
    }

    @Test
    void anUnknownReasonNamesItsLine() throws IOException {
        Path f = write("text,airline_sentiment,negativereason\nx,negative,Rude Pilot\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledCsv.read(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'Rude Pilot'"), e.getMessage());
    }

    @Test
    void aShortRowAndAnUnclosedQuoteAreErrors() throws IOException {
        Path shortRow = write("text,sentiment,category\nx,negative\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelledCsv.read(shortRow)).getMessage()
                .contains("line 2: 2 fields where the header has 3"));
        Path unclosed = write("text,sentiment\n\"never closed,negative\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelledCsv.read(unclosed)).getMessage()
                .contains("line 2: a quoted field is never closed"));
    }

    @Test
    void emptyFileAndInvalidUtf8AreErrors() throws IOException {
        Path empty = write("");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelledCsv.read(empty)).getMessage()
                .contains("is empty"));
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'t', 'e', 'x', 't', '\n', (byte) 0xE9, '\n'});
        assertTrue(assertThrows(IOException.class, () -> LabelledCsv.read(latin1)).getMessage()
                .contains("not UTF-8"));
    }

    @Test
    void hostileTextIsKeptAsWritten() throws IOException {
        String hostile = "<script>alert(1)</script> 你好 مرحبا 😡 " + "x".repeat(10_000);
        Path f = write("text,sentiment\n\"" + hostile + "\",negative\n,neutral\n");
        List<LabelledExample> e = LabelledCsv.read(f);
        assertEquals(hostile, e.get(0).text());
        assertEquals("", e.get(1).text());
        assertNull(e.get(1).category());
    }
}
