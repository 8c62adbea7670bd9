package org.socialcarebridge.conversation;

/**
 * What happens to a customer's message on a ticket an agent has worked: it may be the answer to the
 * satisfaction survey, it cancels a pending check-in, it may confirm the problem is solved. Intake asks
 * before it files the message; the follow-ups answer.
 */
public interface AfterCare {
    /** Nothing after care: every message is filed as it is. */
    AfterCare NONE = new AfterCare() {
        @Override
        public boolean answersSurvey(long ticketId, InboundMessage message) {
            return false;
        }

        @Override
        public void customerWrote(long ticketId, InboundMessage message, boolean ticketWasOpen) {
        }
    };

    /**
     * Whether the message is the customer's answer to the survey sent on this ticket. Then it is
     * recorded as the answer (and shown on the ticket by the follow-ups), never as correspondence: a
     * survey answer does not reopen the ticket by itself. Answers the same for the same message.
     */
    boolean answersSurvey(long ticketId, InboundMessage message);

    /**
     * The customer's message joined the ticket.
     *
     * @param ticketWasOpen false when this message reopens a resolved ticket
     */
    void customerWrote(long ticketId, InboundMessage message, boolean ticketWasOpen);
}
