package org.socialcarebridge.host;

import java.util.List;

/** The help desk's agents and their groups, as the desk says now. One role of the {@link HostGateway}. */
public interface AgentDirectory {
    /**
     * Whether this user (the help desk's user name) is a member, directly or through nested groups, of
     * at least one of these groups, as the help desk says now. Throws when it cannot tell (a group it may
     * not read or does not have, the host down): the caller holds whatever depended on the answer.
     */
    boolean memberOfAny(String user, List<String> groups);
}
