package org.socialcarebridge.triage;

import java.time.Instant;
import java.util.List;

/**
 * What triage decided for one message: whether it becomes work, how urgent it is, who gets it and by
 * when, and why.
 *
 * @param ticket       false: recorded with its reasons, never ticketed (noise)
 * @param queue        the help desk queue, e.g. "Social"
 * @param ownerGroup   the group that should take it (RT: a group AdminCc), or null
 * @param priority     the help desk's numeric priority (RT 0-99)
 * @param category     the Social Category, or null
 * @param due          when the first response is due (business hours and holidays applied)
 * @param firedRules   names of the rules that matched, in order
 * @param explanation  a short human-readable account of which rules fired and what they decided
 */
public record TriageDecision(Signals signals, boolean ticket, String queue, String ownerGroup, int priority,
                             Tier tier, String category, boolean approvalRequired, Instant due,
                             List<String> firedRules, String explanation) {
    public TriageDecision {
        firedRules = List.copyOf(firedRules);
    }
}
