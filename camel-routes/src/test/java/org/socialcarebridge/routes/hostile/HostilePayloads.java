package org.socialcarebridge.routes.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.persistence.ColumnText;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;

/**
 * Seeded generators of what a hostile or broken network sends a mapper: very long texts, thousands of
 * mentions, zero-width, combining and right-to-left characters, emoji ZWJ sequences, unpaired
 * surrogates, invalid UTF-8 read leniently, and fields missing, null, of the wrong type or overlong.
 * Kept to the mapper tests (the parsers of other slices have their own).
 */
public final class HostilePayloads {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Random random;

    public HostilePayloads(long seed) {
        this.random = new Random(seed);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public int below(int n) {
        return random.nextInt(n);
    }

    /** A text of any kind, from empty to beyond the stored cap. */
    public String text() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "@acme " + "@x ".repeat(2500) + "my router is broken";
            case 2 -> "a".repeat(ColumnText.TEXT_LENGTH + random.nextInt(5000));
            case 3 -> "\u200B\u200C\u200D\uFEFF".repeat(random.nextInt(3000));
            case 4 -> "e" + "\u0301\u0308\u0327".repeat(random.nextInt(4000));
            case 5 -> "\u202E\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Dhelp\u202C".repeat(1 + random.nextInt(300));
            case 6 -> "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"
                    .repeat(1 + random.nextInt(2000));
            case 7 -> "broken \uD800 half \uDC00 pairs \uDBFF".repeat(1 + random.nextInt(100));
            case 8 -> invalidUtf8();
            case 9 -> "<p>" + "<span><b>".repeat(random.nextInt(3000)) + "deep</b>" + "</p>";
            case 10 -> randomChars(1 + random.nextInt(20_000));
            default -> "@acme my order " + random.nextInt(1000) + " never arrived";
        };
    }

    /** A name, handle or link: normal, very long, or made of the characters above. */
    public String field(String normal) {
        return switch (random.nextInt(6)) {
            case 0 -> normal;
            case 1 -> normal + "x".repeat(150 + random.nextInt(5000));
            case 2 -> normal + "@" + "a-very-long-fediverse-subdomain.".repeat(5 + random.nextInt(60)) + "example";
            case 3 -> text();
            case 4 -> "";
            default -> randomChars(1 + random.nextInt(1500));
        };
    }

    /** An id: mostly a plausible one, sometimes blank, overlong or odd. */
    public String id() {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "9".repeat(101 + random.nextInt(500));
            case 2 -> randomChars(1 + random.nextInt(200));
            default -> String.valueOf(1_000_000_000_000_000_000L + Math.abs(random.nextLong() % 1_000_000_000_000_000L));
        };
    }

    /** A created_at: mostly readable, else garbage, a number, an absurd year. */
    public JsonNode createdAt() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.textNode("garbage");
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.textNode("+999999999-12-31T23:59:59Z");
            case 3 -> NODES.textNode(text());
            case 4 -> NODES.objectNode().put("date", "today");
            default -> NODES.textNode("2026-11-24T10:" + (10 + random.nextInt(50)) + ":00.000Z");
        };
    }

    /**
     * Sets the member to the value, or leaves it out, or sets it null or to a value of the wrong type:
     * what a mapper must survive in every field.
     */
    public void put(ObjectNode node, String name, Supplier<JsonNode> value) {
        switch (random.nextInt(14)) {
            case 0 -> { } // missing
            case 1 -> node.putNull(name);
            case 2 -> node.put(name, random.nextInt());
            case 3 -> node.putObject(name).put("nested", "object");
            case 4 -> node.putArray(name).add("an").add("array");
            case 5 -> node.put(name, random.nextBoolean());
            default -> node.set(name, value.get());
        }
    }

    public JsonNode textNode(String s) {
        return NODES.textNode(s);
    }

    public ObjectNode object() {
        return NODES.objectNode();
    }

    private String invalidUtf8() {
        byte[] bytes = new byte[1 + random.nextInt(4000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xC3; // a lead byte without its continuation, at least
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String randomChars(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) random.nextInt(0x10000));
        }
        return b.toString();
    }

    /** Every field of a mapped message fits the column that stores it. */
    public static void assertFits(InboundMessage m) {
        assertNotNull(m.messageId());
        assertFalse(m.messageId().isBlank());
        assertTrue(m.messageId().length() <= InboundMessage.ID_LENGTH, "message id " + m.messageId().length());
        SocialIdentity a = m.author();
        assertTrue(a.accountId().length() <= SocialIdentity.ACCOUNT_ID_LENGTH, "account id");
        assertTrue(a.handle() == null || a.handle().length() <= SocialIdentity.HANDLE_LENGTH, "handle");
        assertTrue(a.displayName() == null || a.displayName().length() <= SocialIdentity.NAME_LENGTH, "name");
        assertTrue(a.profileUrl() == null || a.profileUrl().length() <= SocialIdentity.URL_LENGTH, "profile url");
        assertTrue(m.text().length() <= ColumnText.TEXT_LENGTH, "text " + m.text().length());
        assertTrue(m.url() == null || m.url().length() <= InboundMessage.URL_LENGTH, "url");
        assertTrue(m.inReplyToId() == null || m.inReplyToId().length() <= InboundMessage.ID_LENGTH, "in reply to");
        assertTrue(m.conversationId() == null || m.conversationId().length() <= InboundMessage.ID_LENGTH, "conversation");
        assertTrue(m.createdAt() != null || m.createdAtUnread(), "an unread time is flagged, never made up");
        assertTrue(m.createdAtAsSent() == null || m.createdAtAsSent().length() <= InboundMessage.CREATED_AT_AS_SENT_LENGTH);
    }

    public static Database database() {
        return Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }
}
