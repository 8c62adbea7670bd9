package org.socialcarebridge.host;

/**
 * The fields social care keeps on one message of a ticket (a customer's post or an agent's reply),
 * by what they mean; each host adapter maps them to its own names (RT: transaction custom fields).
 */
public enum MessageField {
    /** The network's id of the message: the customer's post, or the reply as posted. */
    POST_ID,
    /** How the message was, or is to be, seen on the network: public or private. */
    REPLY_VISIBILITY,
    /** The ticket's newest message when the agent started the reply (the collision check). */
    SEEN,
    /** Where the reply stands: queued, posted, refused or failed. */
    DELIVERY,
    /** The participant the agent picked to receive a private reply instead of the ticket's customer. */
    REPLY_TO,
    /** Who received the reply, as the plugin sent it. */
    RECIPIENT,
    /** The approved template the agent picked to send instead of free text (WhatsApp, after its window). */
    TEMPLATE
}
