package org.socialcarebridge.export;

import java.util.Locale;

/**
 * The columns of the message export, in their order: the CSV header and the JSON Lines member names,
 * both from here. Inbound messages fill the triage columns, outbound posts the delivery columns; what
 * a message does not have is empty (CSV) or null (JSON Lines).
 */
public enum MessageColumn {
    /** {@code inbound} (a customer's message) or {@code outbound} (a post the plugin made). */
    DIRECTION,
    /** As RT's Social Network shows it: {@code X}, {@code Mastodon}. */
    NETWORK,
    MESSAGE_ID,
    /** When it was written (inbound: the network's clock), ISO-8601 UTC. The export's window is on this. */
    CREATED_AT,
    /**
     * The network's creation time as it arrived, when it could not be read ({@code ""}: none came);
     * {@code created_at} is then the time of receipt. Empty (CSV) or null when it was read.
     */
    CREATED_AT_AS_SENT,
    TICKET_ID,
    CONVERSATION_KEY,
    AUTHOR_ACCOUNT_ID,
    AUTHOR_HANDLE,
    AUTHOR_NAME,
    /** {@code public} or {@code private}; for a post, what its reply or follow-up says when that is certain. */
    VISIBILITY,
    IN_REPLY_TO,
    THREAD_ID,
    URL,
    /** The message as written: untrusted text from the internet. */
    TEXT,
    /** What arrived differently from what is stored (a field cut to its column, in full), one a line. */
    REMARKS,
    /**
     * The ledger's state, lower case: {@code filed}, {@code filtered}, {@code ignored}, {@code dead_letter},
     * {@code discarded} (a dead letter an administrator discarded), {@code received}.
     */
    LEDGER_STATE,
    /** Why it is in that state: the noise reasons, why it was ignored, a dead letter's reason, the last filing error. */
    STATE_REASON,
    TICKETED,
    /** Social Priority: {@code P1}, {@code P2}, {@code P3}. */
    TIER,
    CATEGORY,
    /** {@code negative}, {@code neutral}, {@code positive}. */
    SENTIMENT,
    SENTIMENT_SCORE,
    CONTACT_TYPE,
    LANGUAGE,
    QUEUE,
    /** RT's numeric priority. */
    PRIORITY,
    /** The SLA due time triage set. */
    DUE,
    APPROVAL_REQUIRED,
    /** {@code reply} (an agent's), {@code closing}, {@code survey} or {@code check-in} (the plugin's follow-ups). */
    DELIVERY_KIND,
    /** The agent who replied, or who resolved the ticket a follow-up is for. */
    AGENT,
    /** As the agent chose it on RT's Reply form: {@code Public}, {@code Private}, {@code Move to private}. */
    REPLY_VISIBILITY,
    /**
     * A reply's as RT's Social Delivery shows it ({@code posted}, or the furthest receipt: {@code sent},
     * {@code delivered}, {@code read}; {@code failed}…); a follow-up's ({@code sent}, {@code answered}…).
     */
    DELIVERY_STATE,
    /** When the reply's first post, or the follow-up, reached the network. */
    POSTED_AT,
    POST_URL,
    SURVEY_SCORE,
    /** The customer's answer to a survey: untrusted text. */
    SURVEY_ANSWER;

    /** The name in the CSV header and in each JSON object: the constant in lower case, e.g. {@code created_at}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
