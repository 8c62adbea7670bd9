package org.socialcarebridge.routes.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payload's {@code created_at} (X and Mastodon name it alike): the time when it reads as one a
 * database can hold, and what arrived. Nothing is made up for an unreadable one: the message is
 * stored with the raw value, the SLA counts from receipt and the ticket says so.
 *
 * @param instant the time, or null when none could be read
 * @param asSent  what arrived: its text, the JSON of a value of another type, "" when none came
 */
public record CreatedAt(Instant instant, String asSent) {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static CreatedAt of(JsonNode payload) {
        JsonNode at = payload.path("created_at");
        String sent = at.isMissingNode() || at.isNull() ? "" : at.isTextual() ? at.asText() : at.toString();
        try {
            Instant instant = Instant.parse(sent);
            return new CreatedAt(instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant, sent);
        } catch (DateTimeParseException e) {
            return new CreatedAt(null, sent);
        }
    }

    /** What arrived when it could not be read, else null: InboundMessage's createdAtAsSent. */
    public String unread() {
        return instant == null ? asSent : null;
    }
}
