package org.socialcarebridge.export;

import java.time.Instant;

/**
 * One exported message: a value per {@link MessageColumn}. Values are text, whole numbers, decimals,
 * yes/no or instants, so each format can write numbers as numbers and times in one way.
 */
public final class MessageRow {
    private static final MessageColumn[] COLUMNS = MessageColumn.values();
    private final Object[] values = new Object[COLUMNS.length];

    MessageRow set(MessageColumn column, Object value) {
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Integer
                || value instanceof Double || value instanceof Boolean || value instanceof Instant)) {
            throw new IllegalArgumentException("Column " + column.header() + " cannot hold a " + value.getClass().getName()
                    + "; convert it to text, a number, a boolean or an Instant first");
        }
        values[column.ordinal()] = value;
        return this;
    }

    /** The value, or null when the message has none. */
    public Object get(MessageColumn column) {
        return values[column.ordinal()];
    }
}
