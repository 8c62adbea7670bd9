package org.socialcarebridge.host;

/**
 * Operational alerts for supervisors, raised where they look, noted on while they stay open, and
 * cleared. One role of the {@link HostGateway}.
 */
public interface Alerts {
    /** Raises an operational alert where supervisors look (RT: a ticket in the Social Ops queue); answers its id. */
    long raiseAlert(String subject, String text);

    /** Closes an alert raised earlier, saying why. */
    void clearAlert(long alertId, String text);

    /** Adds to an alert that is still open (more of what it is about). */
    void noteOnAlert(long alertId, String text);
}
