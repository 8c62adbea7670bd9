package org.socialcarebridge.host;

/**
 * An agent changed one of a ticket's fields (e.g. corrected the category).
 *
 * @param shownAs what the help desk calls the field (RT: "Social Category"), for log lines an
 *                administrator matches against the ticket page
 * @param value   the field's value now, or null when the agent cleared it
 * @param by      who changed it (the help desk's user name)
 */
public record FieldChange(long transactionId, long ticketId, TicketField field, String shownAs, String value, String by) {

    /** A change whose field the help desk shows by the domain's own name. */
    public FieldChange(long transactionId, long ticketId, TicketField field, String value, String by) {
        this(transactionId, ticketId, field, field.name(), value, by);
    }
}
