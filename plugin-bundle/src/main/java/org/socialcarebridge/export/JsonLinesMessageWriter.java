package org.socialcarebridge.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.socialcarebridge.triage.eval.Json;

/**
 * JSON Lines (one JSON object per line, UTF-8, {@code \n}): every {@link MessageColumn} as a member,
 * missing values as {@code null}, numbers and booleans as such, times as ISO-8601 UTC strings. Texts
 * are escaped by the domain's one JSON string writer; they are data here, not spreadsheet cells, so
 * they are written exactly as they came.
 */
public final class JsonLinesMessageWriter implements MessageWriter {
    private final Writer out;

    public JsonLinesMessageWriter(OutputStream stream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    @Override
    public void write(MessageRow row) throws IOException {
        StringBuilder line = new StringBuilder(512).append('{');
        for (MessageColumn c : MessageColumn.values()) {
            if (c.ordinal() > 0) {
                line.append(',');
            }
            line.append('"').append(c.header()).append("\":").append(value(row.get(c)));
        }
        out.write(line.append("}\n").toString());
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            // JSON has no NaN or infinity.
            return d.isNaN() || d.isInfinite() ? "null" : d.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return Json.string(value instanceof Instant i ? i.toString() : (String) value);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
