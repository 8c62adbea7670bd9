package org.socialcarebridge.reply;

import java.util.List;

/**
 * The help desk groups whose members speak for the brand: only their replies on a social ticket reach
 * the network. Anyone else who writes a reply there (a customer answering the notification e-mail, a
 * customer linked to a help-desk user, any other user) stays in the help desk.
 *
 * @param names the groups, as the help desk names them; membership through nested groups counts
 */
public record AgentGroups(List<String> names) {
    /** Where the administrator changes them. */
    public static final String SETTING = "agentGroups in etc/org.socialcarebridge.reply.cfg";
    public static final AgentGroups DEFAULT = new AgentGroups(List.of("Social Agents", "Social Team Leads"));

    public AgentGroups {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("At least one agent group is needed, or no reply could reach the networks");
        }
    }

    /** "Social Agents or Social Team Leads". */
    String described() {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Why the reply of a user outside the groups is not posted, and how to fix it if they are an agent. */
    String notAMember(String user) {
        return user + " is not a member of " + described() + " (" + SETTING + "), and only their members speak for the"
                + " brand on the networks. If " + user + " is an agent, add them to one of those groups in RT and send"
                + " the reply again";
    }

    /** Why a reply waits while the help desk cannot say whether its author is in the groups. */
    String unknown(String user, String error) {
        return "could not tell whether " + user + " is a member of " + described() + " (" + SETTING + "): " + error
                + ". The reply is posted once RT answers that " + user + " is; tried again every minute";
    }
}
