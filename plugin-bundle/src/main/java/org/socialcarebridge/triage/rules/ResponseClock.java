package org.socialcarebridge.triage.rules;

/** Which clock a response-time target runs on. */
public enum ResponseClock {
    /** Wall-clock time, nights, weekends and holidays included (24x7). */
    ALWAYS,
    /** Only the open hours of {@link BusinessHours}. */
    BUSINESS
}
