package org.socialcarebridge.triage.rules;

import org.socialcarebridge.triage.Tier;

/**
 * The {@code then} of a rule. Null fields are left for later rules or the defaults to decide.
 *
 * @param ticket     false: {@code action: record}, the message is noise and only recorded
 * @param priority   the help desk priority (0-99), instead of the tier's
 * @param raiseTier  true: one tier more urgent than the decided one (P3 to P2 to P1)
 * @param stop       no later rule is checked once this one matched
 */
public record RuleOutcome(Boolean ticket, String queue, String ownerGroup, Integer priority, Tier tier,
                          String category, Boolean approvalRequired, Boolean raiseTier, boolean stop) {
}
