package org.socialcarebridge.component.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Remarks;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;

/**
 * Maps the messages of a WhatsApp webhook change to domain messages. Every message is private and belongs to
 * the conversation of its customer and the business number it was sent to ({@code <phone_number_id>:<wa_id>}),
 * so one customer writing to two numbers has two tickets. What is no text (a photo, a location, a button
 * pressed) becomes a readable line in square brackets with what it carries as text, so nothing is silently
 * lost; the media itself is not fetched. Every field is internet content: plain text, cut to its column,
 * never HTML. A message without its ids is refused with an IllegalArgumentException naming the field, which
 * the caller keeps as a dead letter.
 */
final class WhatsAppMessages {
    private WhatsAppMessages() {
    }

    /**
     * @param phoneNumberId the business number it was sent to
     * @param profileName   the sender's profile name from the change's {@code contacts}, or null
     */
    static InboundMessage message(JsonNode message, String phoneNumberId, String profileName) {
        String wamid = GraphCall.required(message, "id");
        String waId = GraphCall.required(message, "from");
        JsonNode ts = message.path("timestamp");
        Instant createdAt = ts.canConvertToLong() || ts.asText("").matches("[0-9]{1,12}")
                ? Instant.ofEpochSecond(Long.parseLong(ts.asText())) : null;
        Remarks remarks = new Remarks();
        String name = profileName == null || profileName.isBlank() ? null : profileName.strip();
        SocialIdentity author = new SocialIdentity(WhatsAppChannel.WHATSAPP, waId,
                remarks.fit("The number", waId, SocialIdentity.HANDLE_LENGTH),
                name == null ? null : remarks.fit("The name", name, SocialIdentity.NAME_LENGTH), null, 0, false);
        String text = text(message);
        remarks.beyondNetworkLimit(WhatsAppChannel.WHATSAPP, "message", text.codePointCount(0, text.length()),
                WhatsAppChannel.TEXT_LIMIT);
        return new InboundMessage(WhatsAppChannel.WHATSAPP, wamid, author, text, createdAt, null,
                conversation(phoneNumberId, waId), Visibility.PRIVATE, null, null, createdAt == null ? ts.asText("") : null,
                remarks.list());
    }

    /** One conversation per customer and business number. */
    static String conversation(String phoneNumberId, String waId) {
        return phoneNumberId + ":" + waId;
    }

    /** The message as text: a text's body, or what any other type carries, in brackets after its type. */
    static String text(JsonNode message) {
        String type = message.path("type").asText("");
        JsonNode body = message.path(type);
        return switch (type) {
            case "text" -> body.path("body").asText("");
            case "image", "video", "sticker" -> bracket(type, body.path("caption").asText(""));
            case "audio" -> bracket(body.path("voice").asBoolean(false) ? "voice message" : "audio", "");
            case "document" -> bracket("document", join(body.path("filename").asText(""), body.path("caption").asText("")));
            case "location" -> bracket("location", join(join(body.path("name").asText(""), body.path("address").asText("")),
                    body.has("latitude") ? body.path("latitude").asText() + ", " + body.path("longitude").asText() : ""));
            case "contacts" -> bracket("contacts", contacts(body));
            case "reaction" -> body.path("emoji").asText("").isEmpty()
                    ? bracket("reaction removed", "")
                    : bracket("reaction", body.path("emoji").asText() + " to message " + body.path("message_id").asText(""));
            case "interactive" -> {
                JsonNode reply = body.has("button_reply") ? body.path("button_reply") : body.path("list_reply");
                yield bracket("reply", join(reply.path("title").asText(""), reply.path("description").asText("")));
            }
            case "button" -> bracket("button", body.path("text").asText(""));
            case "order" -> bracket("order", body.path("text").asText(""));
            default -> bracket(type.isEmpty() ? "message" : type, "WhatsApp sent a kind of message the plugin does not"
                    + " read; open the chat in the WhatsApp Business app or Manager to see it");
        };
    }

    private static String contacts(JsonNode contacts) {
        List<String> each = new ArrayList<>();
        for (JsonNode c : contacts) {
            List<String> phones = new ArrayList<>();
            c.path("phones").forEach(p -> phones.add(p.path("phone").asText("")));
            each.add(join(c.path("name").path("formatted_name").asText(""), String.join(", ", phones)));
        }
        return String.join("; ", each);
    }

    private static String bracket(String kind, String carries) {
        return "[" + kind + "]" + (carries.isBlank() ? "" : " " + carries.strip());
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b.strip() : b.isBlank() ? a.strip() : a.strip() + " - " + b.strip();
    }
}
