package org.socialcarebridge.followup;

/** What the plugin says to a customer after an agent resolved their ticket. */
public enum FollowUpKind {
    /** A short public reply in the thread closing the case where everyone saw it start. */
    CLOSING,
    /** A private 1-5 satisfaction question. */
    SURVEY,
    /** "Is everything still working?" some days later, for the categories that call for it. */
    CHECK_IN
}
