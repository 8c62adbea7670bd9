package org.socialcarebridge.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the export's files back the way an independent consumer would: a small RFC 4180 parser and a
 * small JSON object parser, written from the specifications rather than from the writers.
 */
public final class ExportFiles {
    private ExportFiles() {
    }

    /**
     * Every record of a CSV text; a field is null when it was empty and unquoted, "" when it was {@code ""}.
     * Fails on anything RFC 4180 does not allow (a quote inside an unquoted field, text after a closing quote).
     */
    public static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            String field;
            if (text.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                field = sb.toString();
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    if (text.charAt(i) == '"' || text.charAt(i) == '\n') {
                        throw new IllegalArgumentException("a quote or bare line feed in an unquoted field at " + i);
                    }
                    i++;
                }
                field = i == start ? null : text.substring(start, i);
            }
            record.add(field);
            if (i < n && text.charAt(i) == ',') {
                i++;
                if (i == n) {
                    record.add(null);
                }
            } else if (text.startsWith("\r\n", i)) {
                i += 2;
                records.add(record);
                record = new ArrayList<>();
            } else if (i < n) {
                throw new IllegalArgumentException("text after a field at " + i + ": " + text.substring(i, Math.min(n, i + 20)));
            }
        }
        if (!record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }

    /** A flat JSON object: member values are String, Long, Double, Boolean or null (RFC 8259). */
    public static Map<String, Object> json(String line) {
        return new JsonReader(line).object();
    }

    private static final class JsonReader {
        private final String s;
        private int i;

        JsonReader(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    String name = string();
                    expect(':');
                    if (members.put(name, value()) != null) {
                        throw new IllegalArgumentException("member " + name + " twice");
                    }
                    char c = s.charAt(i++);
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw new IllegalArgumentException("expected , or } at " + (i - 1));
                    }
                }
            }
            if (i != s.length()) {
                throw new IllegalArgumentException("text after the object at " + i);
            }
            return members;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (!number.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw new IllegalArgumentException("not a JSON value at " + start + ": " + number);
            }
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("unescaped control character in a string at " + (i - 1));
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                }
            }
        }

        private char peek() {
            return s.charAt(i);
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
            }
            i++;
        }
    }
}
