package org.socialcarebridge.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.persistence.ColumnText;

/**
 * A customer's post or direct message, normalised from any network. The text is untrusted content
 * from the internet: it is stored and forwarded as plain text only.
 *
 * <p>Every field fits its column. Ids longer than any network's are no message at all (the
 * constructor refuses them, naming the field, so the feed records the payload as unreadable); a text
 * beyond {@link ColumnText#TEXT_LENGTH} is kept cut, with a marker. The mappers cut overlong names and
 * links themselves and say so in {@link #remarks()}; the cuts here are the safety net for any other path.
 *
 * @param createdAt       when the customer wrote, as the network says; null when it said nothing
 *                        readable. Read back from the ledger it is then the time of receipt, and
 *                        {@code createdAtAsSent} says so
 * @param inReplyToId     the network id of the message this one answers, or null
 * @param conversationId  the network's id of the thread (X: conversation_id), or null
 * @param noTicketReason  why the message is recorded but never becomes a ticket (a retweet of the
 *                        brand's post), or null for a message that needs an answer
 * @param createdAtAsSent the network's creation time exactly as it arrived when it could not be read
 *                        ("" when there was none), else null. Nobody invents a time for it
 * @param remarks         what arrived differently from what is stored (a field cut to its column, in
 *                        full; a text longer than the network allows), for the agent and the export
 */
public record InboundMessage(Network network, String messageId, SocialIdentity author, String text,
                             Instant createdAt, String inReplyToId, String conversationId,
                             Visibility visibility, String url, String noTicketReason,
                             String createdAtAsSent, List<String> remarks) {
    /** Longer than any network's message id (X: up to 19 digits; Mastodon: a snowflake string). */
    public static final int ID_LENGTH = 100;
    public static final int URL_LENGTH = SocialIdentity.URL_LENGTH;
    /** What is kept of an unreadable creation time: enough to see what it was. */
    public static final int CREATED_AT_AS_SENT_LENGTH = 200;

    public InboundMessage {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(visibility, "visibility");
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("An inbound message needs the network's message id");
        }
        requireId("message id", messageId, network);
        requireId("id of the message it answers", inReplyToId, network);
        requireId("conversation id", conversationId, network);
        text = text == null ? "" : ColumnText.capped(text);
        url = ColumnText.cut(url, URL_LENGTH);
        if (createdAt == null && createdAtAsSent == null) {
            createdAtAsSent = ""; // nothing arrived, and nothing is made up
        }
        createdAtAsSent = ColumnText.cut(createdAtAsSent, CREATED_AT_AS_SENT_LENGTH);
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }

    /** A message that needs an answer. */
    public InboundMessage(Network network, String messageId, SocialIdentity author, String text, Instant createdAt,
                          String inReplyToId, String conversationId, Visibility visibility, String url) {
        this(network, messageId, author, text, createdAt, inReplyToId, conversationId, visibility, url, null);
    }

    /** A message whose every field arrived readable and whole. */
    public InboundMessage(Network network, String messageId, SocialIdentity author, String text, Instant createdAt,
                          String inReplyToId, String conversationId, Visibility visibility, String url,
                          String noTicketReason) {
        this(network, messageId, author, text, createdAt, inReplyToId, conversationId, visibility, url, noTicketReason,
                null, List.of());
    }

    private static void requireId(String field, String id, Network network) {
        if (id != null && id.length() > ID_LENGTH) {
            throw new IllegalArgumentException("The " + network.displayName() + " " + field + " is " + id.length()
                    + " characters long, longer than any network's (at most " + ID_LENGTH + "): "
                    + ColumnText.cut(id, 60) + "; the message is not readable as it is");
        }
    }

    /** The same message, recorded for the record only. */
    public InboundMessage recordedOnly(String reason) {
        return new InboundMessage(network, messageId, author, text, createdAt, inReplyToId, conversationId, visibility,
                url, reason, createdAtAsSent, remarks);
    }

    /** Whether the network's creation time could not be read: the SLA then counts from receipt. */
    public boolean createdAtUnread() {
        return createdAtAsSent != null;
    }

    /** The ledger key: unique per network and message id, which makes intake exactly once. */
    public String key() {
        return network.key() + ":" + messageId;
    }
}
