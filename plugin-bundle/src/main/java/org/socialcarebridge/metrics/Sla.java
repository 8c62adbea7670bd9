package org.socialcarebridge.metrics;

/** Where a ticket stands against its first-response due time: the values of the ticket field Social SLA. */
public enum Sla {
    /** The first reply reached the customer at or before the due time, or the ticket had none. */
    MET("Met"),
    /** The first reply came after the due time, or none has and the due time has passed. */
    BREACHED("Breached"),
    /** No reply yet, and not yet late (or no due time to be late against). */
    OPEN("Open");

    private final String label;

    Sla(String label) {
        this.label = label;
    }

    /** As the help desk field shows it. */
    public String label() {
        return label;
    }
}
