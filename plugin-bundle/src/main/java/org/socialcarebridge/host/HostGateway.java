package org.socialcarebridge.host;

/**
 * The port to the help desk the plugin lives in, all its roles in one: an adapter implements this,
 * and each of the domain's services takes only the roles it uses. The first adapter speaks RT's REST2;
 * other help desks implement the same interfaces. Every method throws {@link HostUnavailableException}
 * when the host is down (the caller retries) and {@link HostRejectedException} when it refuses.
 */
public interface HostGateway extends CustomerDirectory, Tickets, DeskActivity, AgentDirectory, Alerts, TemplateChoices {

    /** An alert is a ticket of the help desk's alert queue: a note on it is a comment. */
    @Override
    default void noteOnAlert(long alertId, String text) {
        comment(alertId, text);
    }
}
