package org.socialcarebridge.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * RFC 4180 CSV in UTF-8 (no byte order mark), CRLF line ends, a header row of {@link MessageColumn}s.
 * A field is quoted when it holds a comma, a quote or a line break, with quotes doubled. An empty text is
 * written {@code ""} and a missing value as nothing, which tools such as PostgreSQL's COPY tell apart.
 *
 * <p>Texts come from the internet and spreadsheets run a cell that starts with {@code = + - @}, a tab or
 * a carriage return as a formula (CSV injection): such a text gets a leading apostrophe, which the
 * spreadsheet shows as text. Numbers, booleans and times are written by the export itself and are not
 * touched, so a negative sentiment score stays a number.
 */
public final class CsvMessageWriter implements MessageWriter {
    private static final String CRLF = "\r\n";
    private final Writer out;

    public CsvMessageWriter(OutputStream stream) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        for (MessageColumn c : MessageColumn.values()) {
            header.append(c.ordinal() == 0 ? "" : ",").append(c.header());
        }
        out.write(header.append(CRLF).toString());
    }

    @Override
    public void write(MessageRow row) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (MessageColumn c : MessageColumn.values()) {
            if (c.ordinal() > 0) {
                line.append(',');
            }
            line.append(field(row.get(c)));
        }
        out.write(line.append(CRLF).toString());
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = neutralised((String) value);
        if (text.isEmpty()) {
            return "\"\"";
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The text with a leading apostrophe when a spreadsheet would read it as a formula. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
