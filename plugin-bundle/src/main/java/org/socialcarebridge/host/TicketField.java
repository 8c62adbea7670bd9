package org.socialcarebridge.host;

/**
 * The fields social care keeps on a ticket, by what they mean. The domain speaks only these; each
 * host adapter maps them to its own names (RT: custom fields, see routes.rt.RtFields).
 */
public enum TicketField {
    // who wrote and where, set when the ticket is opened
    NETWORK, HANDLE, PROFILE_URL, CONVERSATION, FOLLOWERS, VERIFIED,
    // triage's decision, which agents may correct
    PRIORITY, CATEGORY, SENTIMENT, CONTACT_TYPE, LANGUAGE, APPROVAL_REQUIRED, NOISE, PERSONAL_DATA_POSTED, TRIAGE,
    // a team lead's decision on a held reply
    APPROVAL, APPROVAL_NOTE,
    // what may be sent privately now, on a network whose messaging window changes it with time
    REPLY_WINDOW,
    // an agent's request to hide the customer's public comments on the brand's page (or show them again)
    MODERATION,
    // follow-ups after the ticket is resolved
    RESOLVED_BY, CLOSING, SURVEY, CHECK_IN, CSAT, SURVEY_ANSWER, CUSTOMER_CONFIRMED_RESOLUTION,
    // the ticket's metrics, for the help desk's own charts
    FIRST_RESPONSE, FIRST_RESPONSE_BUSINESS, FIRST_RESPONSE_BAND, RESOLUTION, RESOLUTION_BUSINESS, SLA, REPLIES,
    SENTIMENT_FIRST, SENTIMENT_LAST, SENTIMENT_CONVERSION
}
