package org.socialcarebridge.triage.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.socialcarebridge.triage.Sentiment;

/**
 * Reads labelled messages from a CSV file (RFC 4180: quoted fields may hold commas, line breaks and
 * doubled quotes; UTF-8, with or without a byte-order mark). The header names the columns, in any
 * order, and must hold one of two sets:
 * <ul>
 * <li>ours: {@code text}, {@code sentiment} and optionally {@code category};</li>
 * <li>the airline-tweets format: {@code text}, {@code airline_sentiment} and optionally
 * {@code negativereason}, whose reasons become our categories:
 * <table>
 * <caption>negativereason to category</caption>
 * <tr><th>negativereason</th><th>category</th></tr>
 * <tr><td>Late Flight</td><td>Delay</td></tr>
 * <tr><td>longlines</td><td>Delay</td></tr>
 * <tr><td>Cancelled Flight</td><td>Cancellation</td></tr>
 * <tr><td>Lost Luggage</td><td>Lost or Damaged</td></tr>
 * <tr><td>Damaged Luggage</td><td>Lost or Damaged</td></tr>
 * <tr><td>Flight Booking Problems</td><td>Booking and Billing</td></tr>
 * <tr><td>Customer Service Issue</td><td>Customer Service</td></tr>
 * <tr><td>Flight Attendant Complaints</td><td>Customer Service</td></tr>
 * <tr><td>Bad Flight</td><td>Service Quality</td></tr>
 * <tr><td>Can't Tell</td><td>Other</td></tr>
 * <tr><td>(empty: positive and neutral tweets)</td><td>Other</td></tr>
 * </table></li>
 * </ul>
 * Any other reason, or a sentiment that {@link Sentiment#fromKey} does not read, is an error naming
 * the file and line.
 */
public final class LabelledCsv {
    public static final String OTHER = "Other";
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("late flight", "Delay"),
            Map.entry("longlines", "Delay"),
            Map.entry("cancelled flight", "Cancellation"),
            Map.entry("lost luggage", "Lost or Damaged"),
            Map.entry("damaged luggage", "Lost or Damaged"),
            Map.entry("flight booking problems", "Booking and Billing"),
            Map.entry("customer service issue", "Customer Service"),
            Map.entry("flight attendant complaints", "Customer Service"),
            Map.entry("bad flight", "Service Quality"),
            Map.entry("can't tell", OTHER),
            Map.entry("", OTHER));

    private LabelledCsv() {
    }

    /** Every example of the file. */
    public static List<LabelledExample> read(Path file) throws IOException {
        return read(file, row -> true);
    }

    /**
     * The examples whose row {@code keep} accepts; the row maps each header name (as written) to its
     * field, so a caller can split by an id column.
     */
    public static List<LabelledExample> read(Path file, Predicate<Map<String, String>> keep) throws IOException {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text (" + e + "); save it as UTF-8 and try again", e);
        }
        return parse(file.toString(), content, keep);
    }

    /** Parses CSV text; {@code source} names it in error messages. */
    public static List<LabelledExample> parse(String source, String content, Predicate<Map<String, String>> keep) {
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        List<Record> records = records(source, content);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty: expected a header line with text and "
                    + "sentiment (or text and airline_sentiment)");
        }
        List<String> header = records.get(0).fields();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        boolean airline = !column.containsKey("sentiment") && column.containsKey("airline_sentiment");
        String sentimentColumn = airline ? "airline_sentiment" : "sentiment";
        String categoryColumn = airline ? "negativereason" : "category";
        if (!column.containsKey("text") || !column.containsKey(sentimentColumn)) {
            throw new IllegalArgumentException(source + " line 1: the header " + header + " lacks "
                    + (column.containsKey("text") ? "" : "'text' ")
                    + (column.containsKey(sentimentColumn) ? "" : "'sentiment' (or 'airline_sentiment')")
                    + "; expected columns text, sentiment, category or text, airline_sentiment, negativereason");
        }
        int text = column.get("text");
        int sentiment = column.get(sentimentColumn);
        Integer category = column.get(categoryColumn);
        List<LabelledExample> out = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            if (f.size() == 1 && f.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(source + " line " + r.line() + ": " + f.size()
                        + " fields where the header has " + header.size() + "; quote fields that hold commas");
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i).strip(), f.get(i));
            }
            if (!keep.test(row)) {
                continue;
            }
            Sentiment s = Sentiment.fromKey(f.get(sentiment));
            if (s == null) {
                throw new IllegalArgumentException(source + " line " + r.line() + ": unknown " + sentimentColumn
                        + " '" + f.get(sentiment) + "'; expected negative, neutral or positive");
            }
            String c = category == null ? null : f.get(category).strip();
            if (airline && category != null) {
                String mapped = REASONS.get(c.toLowerCase(Locale.ROOT));
                if (mapped == null) {
                    throw new IllegalArgumentException(source + " line " + r.line() + ": unknown negativereason '"
                            + c + "'; expected one of Late Flight, longlines, Cancelled Flight, Lost Luggage, "
                            + "Damaged Luggage, Flight Booking Problems, Customer Service Issue, "
                            + "Flight Attendant Complaints, Bad Flight, Can't Tell or empty");
                }
                c = mapped;
            }
            out.add(new LabelledExample(f.get(text), s, c));
        }
        return out;
    }

    private record Record(int line, List<String> fields) {
    }

    /** Splits RFC 4180 text into records, each with the line it starts on. */
    private static List<Record> records(String source, String s) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean any = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                out.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                any = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + " line " + recordLine
                    + ": a quoted field is never closed; double any quote inside a quoted field (\"\")");
        }
        if (any || !field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            out.add(new Record(recordLine, List.copyOf(fields)));
        }
        return out;
    }
}
