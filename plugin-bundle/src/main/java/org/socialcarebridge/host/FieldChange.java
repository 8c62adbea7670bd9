package org.socialcarebridge.host;

/**
 * An agent changed one of a ticket's fields (e.g. corrected the category).
 *
 * @param value the field's value now, or null when the agent cleared it
 * @param by    who changed it (the help desk's user name)
 */
public record FieldChange(long transactionId, long ticketId, TicketField field, String value, String by) {
}
