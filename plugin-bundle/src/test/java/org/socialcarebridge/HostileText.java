package org.socialcarebridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Hostile text from the internet, for the property tests of every parser of customer content: the one
 * place such inputs are made. Seeded and reproducible: each sample is {@code (kind, seed)}, printed in the
 * test's name and in any failure, and {@link #of(Kind, long)} makes the same text again. The base seed is
 * fixed, so every build runs the same samples; {@code -Dhostile.seed=N} runs others
 * ({@code -Dhostile.seed=random} a new base each run, printed).
 *
 * <p>Shared with camel-routes' tests through plugin-bundle's test-jar.
 */
public final class HostileText {
    /** The base seed of a build's samples, unless {@code -Dhostile.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20L;
    /** The poison DM of issue 20: its mentions overflowed the stack of the subject line's regex. */
    public static final String POISON_DM = "@acme " + "@x ".repeat(2500) + "my router is broken";

    /**
     * What a sample is made of; {@link #MIXED} splices pieces of the generated kinds, {@link #FIXED} is
     * the list of hand-picked texts (the seed is the index).
     */
    public enum Kind {
        LONG_TEXT, MENTION_STORM, DEEP_HTML, UNCLOSED_HTML, HUGE_ATTRIBUTE, ZERO_WIDTH_AND_COMBINING, RIGHT_TO_LEFT,
        EMOJI_SEQUENCES, UNPAIRED_SURROGATES, INVALID_UTF8, CONTROL_CHARACTERS, MIXED_SCRIPTS, MIXED, FIXED
    }

    /** Short texts at the edges of every parser. */
    private static final List<String> FIXED_TEXTS = List.of(POISON_DM, "", " \n\t ", "@", "@@@", "<", "</", "<!--",
            "&", "&#", "&#x;", "&#99999999;", "@acme", "@acme@", "@acme@.", "\uD800", "\uDC00", "\u0000", "?", "5",
            "-1", "0/0", "9999999999999999999999", "4/5/", "★", "not", "fixed?",
            "@u@" + "a.".repeat(20_000) + "a hello");

    /** One hostile text, and how to make it again. */
    public record Sample(Kind kind, long seed, String text) {
        @Override
        public String toString() {
            return kind + " seed=" + seed + " (" + text.length() + " chars)";
        }
    }

    /** Words the parsers look for, so the hostile parts surround text they really read. */
    private static final String[] WORDS = {"my", "router", "is", "broken", "fixed", "thanks", "5", "4/5", "five",
            "great", "not", "working", "@acme", "order", "#12345", "4242 4242 4242 4242", "jane@example.com",
            "+44 20 7946 0958", "12/03/1990", "221B Baker Street", "https://intranet.acme.local/x", "lawyer",
            "refund", "late", "&amp;", "&#x1F621;", "&lt;b&gt;", "<br>", "</p>", "?", "!", "…", ":)", "★★★★"};
    private static final String[] EMOJI = {"\uD83D\uDC69\u200D\uD83D\uDCBB", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
            "\uD83C\uDDEC\uD83C\uDDE7", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F",
            "\uD83D\uDC4D\uD83C\uDFFD", "1\uFE0F\u20E3", "\u2764\uFE0F", "\uD83D\uDE21", "\u2B50", "\uD83E\uDD26\u200D\u2640\uFE0F"};
    private static final String[] SCRIPTS = {"привет", "مرحبا", "שלום", "你好", "こんにちは", "안녕하세요", "नमस्ते",
            "สวัสดี", "Γειά", "ሰላም", "ＦＵＬＬ４２", "٤٢٤٢", "𝐛𝐨𝐥𝐝", "ǅ", "İı"};
    private static final char[] INVISIBLE = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F',
            '\u180E'};
    private static final char[] BIDI = {'\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067',
            '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'};
    private static final String[] TAGS = {"p", "b", "div", "span", "a", "script", "style", "br", "i", "table", "P",
            "SCRIPT", "svg", "iframe"};

    private HostileText() {
    }

    /** The sample of this kind made from this seed; the same text every time. */
    public static String of(Kind kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + kind.ordinal());
        StringBuilder b = new StringBuilder();
        switch (kind) {
            case LONG_TEXT -> {
                int target = 100_000 + r.nextInt(50_000);
                boolean spaces = r.nextBoolean();
                while (b.length() < target) {
                    b.append(word(r)).append(spaces ? " " : "");
                }
            }
            case MENTION_STORM -> {
                b.append("@acme ");
                int n = 2_000 + r.nextInt(4_000);
                for (int i = 0; i < n; i++) {
                    b.append('@').append(r.nextBoolean() ? "x" : "user_" + i);
                    if (r.nextInt(4) == 0) {
                        b.append('@').append("mastodon.").append(r.nextBoolean() ? "social" : "example-" + i + ".org");
                    }
                    b.append(r.nextInt(8) == 0 ? "\n" : " ");
                }
                b.append(r.nextBoolean() ? "my router is broken" : "");
            }
            case DEEP_HTML -> {
                int depth = 10_000;
                for (int i = 0; i < depth; i++) {
                    b.append('<').append(TAGS[r.nextInt(TAGS.length)]).append('>');
                }
                b.append(word(r)).append(' ').append(word(r));
                for (int i = 0; i < depth && r.nextInt(3) > 0; i++) {
                    b.append("</").append(TAGS[r.nextInt(TAGS.length)]).append('>');
                }
            }
            case UNCLOSED_HTML -> {
                int n = 2_000 + r.nextInt(4_000);
                for (int i = 0; i < n; i++) {
                    switch (r.nextInt(6)) {
                        case 0 -> b.append("<script>");
                        case 1 -> b.append("<").append(TAGS[r.nextInt(TAGS.length)]).append(" a=\"");
                        case 2 -> b.append("<!--");
                        case 3 -> b.append(switch (r.nextInt(3)) {
                            case 0 -> "&#" + r.nextInt(10_000_000); // unterminated
                            case 1 -> "&#x" + Integer.toHexString(0xD800 + r.nextInt(0x800)) + ";"; // a surrogate
                            default -> "&#" + r.nextInt(0x110000 + 100) + ";";
                        });
                        case 4 -> b.append("<style ");
                        default -> b.append(word(r)).append(' ');
                    }
                }
            }
            case HUGE_ATTRIBUTE -> {
                b.append("<p><a href=\"https://example.com/");
                int n = 100_000 + r.nextInt(20_000);
                for (int i = 0; i < n; i++) {
                    b.append((char) ('a' + r.nextInt(26)));
                }
                b.append(r.nextBoolean() ? "\">" : "").append("@acme my order is late</a></p>");
            }
            case ZERO_WIDTH_AND_COMBINING -> {
                int target = 5_000 + r.nextInt(5_000);
                while (b.length() < target) {
                    String w = word(r);
                    for (int i = 0; i < w.length(); i++) {
                        b.append(w.charAt(i));
                        if (r.nextBoolean()) {
                            b.append(INVISIBLE[r.nextInt(INVISIBLE.length)]);
                        }
                        for (int k = r.nextInt(4); k > 0; k--) {
                            b.append((char) (0x0300 + r.nextInt(0x70))); // combining diacritics, stacked
                        }
                    }
                    b.append(' ');
                }
                b.append("a").append("\u0301".repeat(5_000)); // one letter, thousands of marks
            }
            case RIGHT_TO_LEFT -> {
                int target = 3_000 + r.nextInt(5_000);
                while (b.length() < target) {
                    b.append(BIDI[r.nextInt(BIDI.length)]).append(r.nextBoolean() ? "مرحبا ١٢٣ " : "שלום 4/5 ")
                            .append(word(r)).append(' ');
                }
            }
            case EMOJI_SEQUENCES -> {
                int target = 3_000 + r.nextInt(5_000);
                while (b.length() < target) {
                    b.append(EMOJI[r.nextInt(EMOJI.length)]);
                    if (r.nextInt(5) == 0) {
                        b.append(' ').append(word(r)).append(' ');
                    }
                }
            }
            case UNPAIRED_SURROGATES -> {
                int target = 2_000 + r.nextInt(5_000);
                while (b.length() < target) {
                    b.append(switch (r.nextInt(4)) {
                        case 0 -> String.valueOf((char) (0xD800 + r.nextInt(0x400)));
                        case 1 -> String.valueOf((char) (0xDC00 + r.nextInt(0x400)));
                        case 2 -> EMOJI[r.nextInt(EMOJI.length)].substring(1); // a pair cut in half
                        default -> word(r) + " ";
                    });
                }
                b.append('\uD83D'); // ends in half an emoji
            }
            case INVALID_UTF8 -> {
                byte[] bytes = new byte[5_000 + r.nextInt(5_000)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : (byte) "my router is broken 5 ".charAt(i % 22);
                }
                // overlong NUL, a lone continuation byte and an encoded surrogate, as a decoder meets them
                byte[] tail = {(byte) 0xC0, (byte) 0x80, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                System.arraycopy(tail, 0, bytes, bytes.length - tail.length, tail.length);
                b.append(new String(bytes, StandardCharsets.UTF_8));
            }
            case CONTROL_CHARACTERS -> {
                int target = 2_000 + r.nextInt(5_000);
                while (b.length() < target) {
                    b.append(r.nextInt(3) == 0 ? word(r) : String.valueOf((char) (r.nextBoolean() ? r.nextInt(32)
                            : 0x7F + r.nextInt(0x21))));
                }
                b.append("\u0000".repeat(1000)).append("\r\n\u2028\u2029\u0085");
            }
            case MIXED_SCRIPTS -> {
                int target = 2_000 + r.nextInt(5_000);
                while (b.length() < target) {
                    b.append(r.nextBoolean() ? SCRIPTS[r.nextInt(SCRIPTS.length)] : word(r))
                            .append(r.nextInt(5) == 0 ? "" : " ");
                }
            }
            case FIXED -> b.append(FIXED_TEXTS.get((int) Math.floorMod(seed, (long) FIXED_TEXTS.size())));
            case MIXED -> {
                for (int parts = 2 + r.nextInt(4); parts > 0; parts--) {
                    Kind k = Kind.values()[r.nextInt(Kind.MIXED.ordinal())];
                    String piece = of(k, r.nextLong());
                    int from = r.nextInt(piece.length());
                    b.append(piece, from, Math.min(piece.length(), from + 1 + r.nextInt(3_000)));
                }
            }
        }
        return b.toString();
    }

    /** {@code perKind} samples of every generated kind, then every fixed text. */
    public static List<Sample> samples(int perKind) {
        long base = baseSeed();
        List<Sample> all = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(base);
        for (Kind kind : Kind.values()) {
            for (int i = 0; kind == Kind.FIXED && i < FIXED_TEXTS.size(); i++) {
                all.add(new Sample(kind, i, FIXED_TEXTS.get(i)));
            }
            for (int i = 0; kind != Kind.FIXED && i < perKind; i++) {
                long seed = seeds.nextLong();
                all.add(new Sample(kind, seed, of(kind, seed)));
            }
        }
        return all;
    }

    /**
     * One dynamic test per sample, named by its kind and seed, that checks {@code property}; a failure
     * (any {@link Throwable}, a {@link StackOverflowError} too) names the sample and how to make it again.
     */
    public static Stream<DynamicTest> check(String parser, int perKind, Consumer<String> property) {
        return samples(perKind).stream().map(s -> DynamicTest.dynamicTest(parser + ": " + s, () -> {
            try {
                property.accept(s.text());
            } catch (Throwable t) {
                throw new AssertionError(parser + " failed on " + s + "; make it again with HostileText.of(Kind."
                        + s.kind() + ", " + s.seed() + "L): " + t, t);
            }
        }));
    }

    private static long baseSeed() {
        String given = System.getProperty("hostile.seed");
        if (given == null || given.isBlank()) {
            return DEFAULT_SEED;
        }
        if (given.equals("random")) {
            long seed = new SplittableRandom().nextLong();
            System.out.println("HostileText: base seed " + seed + " (run again with -Dhostile.seed=" + seed + ")");
            return seed;
        }
        return Long.parseLong(given.strip());
    }

    private static String word(SplittableRandom r) {
        return WORDS[r.nextInt(WORDS.length)];
    }
}
