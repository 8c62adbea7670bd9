package org.socialcarebridge.routes.rt;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.TicketField;

/**
 * RT's names for the domain's ticket and message fields, and the values of its Reply Visibility field:
 * the custom fields the RT extension's etc/initialdata defines (RtFieldsTest checks both agree). The one
 * place they are spelt on the Java side; RT, the extension and the reports rely on them as they are.
 */
final class RtFields {
    private static final Map<TicketField, String> TICKET = new EnumMap<>(TicketField.class);
    private static final Map<MessageField, String> MESSAGE = new EnumMap<>(MessageField.class);
    private static final Map<ReplyVisibility, String> CHOICE = new EnumMap<>(ReplyVisibility.class);
    /**
     * The reply choices the ticket's channel declares, as Reply Visibility values joined by ", ": the RT
     * extension's Reply form offers only those (ui-extension: RT::Extension::SocialCare::ReplyChoices).
     */
    static final String REPLY_CHOICES = "Social Reply Choices";

    static {
        TICKET.put(TicketField.NETWORK, "Social Network");
        TICKET.put(TicketField.HANDLE, "Social Handle");
        TICKET.put(TicketField.PROFILE_URL, "Social Profile URL");
        TICKET.put(TicketField.CONVERSATION, "Social Conversation ID");
        TICKET.put(TicketField.FOLLOWERS, "Social Followers");
        TICKET.put(TicketField.VERIFIED, "Social Verified");
        TICKET.put(TicketField.PRIORITY, "Social Priority");
        TICKET.put(TicketField.CATEGORY, "Social Category");
        TICKET.put(TicketField.SENTIMENT, "Social Sentiment");
        TICKET.put(TicketField.CONTACT_TYPE, "Social Contact Type");
        TICKET.put(TicketField.LANGUAGE, "Social Language");
        TICKET.put(TicketField.APPROVAL_REQUIRED, "Social Approval Required");
        TICKET.put(TicketField.NOISE, "Social Noise");
        TICKET.put(TicketField.PERSONAL_DATA_POSTED, "Social Personal Data Posted");
        TICKET.put(TicketField.TRIAGE, "Social Triage");
        TICKET.put(TicketField.APPROVAL, "Social Approval");
        TICKET.put(TicketField.APPROVAL_NOTE, "Social Approval Note");
        TICKET.put(TicketField.MODERATION, "Social Moderation");
        TICKET.put(TicketField.REPLY_WINDOW, "Social Reply Window");
        TICKET.put(TicketField.RESOLVED_BY, "Social Resolved By");
        TICKET.put(TicketField.CLOSING, "Social Closing");
        TICKET.put(TicketField.SURVEY, "Social Survey");
        TICKET.put(TicketField.CHECK_IN, "Social Check-in");
        TICKET.put(TicketField.CSAT, "Social CSAT");
        TICKET.put(TicketField.SURVEY_ANSWER, "Social Survey Answer");
        TICKET.put(TicketField.CUSTOMER_CONFIRMED_RESOLUTION, "Customer Confirmed Resolution");
        TICKET.put(TicketField.FIRST_RESPONSE, "Social First Response (min)");
        TICKET.put(TicketField.FIRST_RESPONSE_BUSINESS, "Social First Response Business (min)");
        TICKET.put(TicketField.FIRST_RESPONSE_BAND, "Social First Response Band");
        TICKET.put(TicketField.RESOLUTION, "Social Resolution (min)");
        TICKET.put(TicketField.RESOLUTION_BUSINESS, "Social Resolution Business (min)");
        TICKET.put(TicketField.SLA, "Social SLA");
        TICKET.put(TicketField.REPLIES, "Social Replies");
        TICKET.put(TicketField.SENTIMENT_FIRST, "Social Sentiment First");
        TICKET.put(TicketField.SENTIMENT_LAST, "Social Sentiment Last");
        TICKET.put(TicketField.SENTIMENT_CONVERSION, "Social Sentiment Conversion");

        MESSAGE.put(MessageField.POST_ID, "Social Post ID");
        MESSAGE.put(MessageField.REPLY_VISIBILITY, "Reply Visibility");
        MESSAGE.put(MessageField.SEEN, "Social Seen");
        MESSAGE.put(MessageField.DELIVERY, "Social Delivery");
        MESSAGE.put(MessageField.REPLY_TO, "Social Reply To");
        MESSAGE.put(MessageField.RECIPIENT, "Social Recipient");
        MESSAGE.put(MessageField.TEMPLATE, "Social Template");

        CHOICE.put(ReplyVisibility.PUBLIC, "Public");
        CHOICE.put(ReplyVisibility.PRIVATE, "Private");
        CHOICE.put(ReplyVisibility.TO_PRIVATE, "Move to private");

        if (TICKET.size() != TicketField.values().length || MESSAGE.size() != MessageField.values().length
                || CHOICE.size() != ReplyVisibility.values().length) {
            throw new ExceptionInInitializerError("RtFields misses an RT name for a TicketField, MessageField or"
                    + " ReplyVisibility");
        }
    }

    private RtFields() {
    }

    static String name(TicketField field) {
        return TICKET.get(field);
    }

    static String name(MessageField field) {
        return MESSAGE.get(field);
    }

    /** The value of the Reply Visibility field that stands for this choice. */
    static String name(ReplyVisibility choice) {
        return CHOICE.get(choice);
    }

    /** The value of {@link #REPLY_CHOICES} for these choices, in the Reply form's order, e.g. "Public, Private". */
    static String choices(Set<ReplyVisibility> choices) {
        return Arrays.stream(ReplyVisibility.values()).filter(choices::contains).map(RtFields::name)
                .collect(Collectors.joining(", "));
    }

    /** The choice a Reply Visibility value stands for (any case, blanks around it ignored). */
    static ReplyVisibility choice(String rtValue) {
        String value = rtValue == null ? "" : rtValue.strip();
        return CHOICE.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(value)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown " + name(MessageField.REPLY_VISIBILITY)
                        + " '" + rtValue + "'; expected " + name(ReplyVisibility.PUBLIC) + ", " + name(ReplyVisibility.PRIVATE)
                        + " or " + name(ReplyVisibility.TO_PRIVATE)));
    }

    /** The domain's field RT calls by this name, if it is one. */
    static Optional<TicketField> ticketField(String rtName) {
        return TICKET.entrySet().stream().filter(e -> e.getValue().equals(rtName)).map(Map.Entry::getKey).findFirst();
    }

    /** The fields by RT's names, in the order given (null values stay: they clear the field). */
    static Map<String, String> ticketNames(Map<TicketField, String> fields) {
        Map<String, String> named = new LinkedHashMap<>();
        fields.forEach((f, v) -> named.put(name(f), v));
        return named;
    }

    static Map<String, String> messageNames(Map<MessageField, String> fields) {
        Map<String, String> named = new LinkedHashMap<>();
        fields.forEach((f, v) -> named.put(name(f), v));
        return named;
    }
}
