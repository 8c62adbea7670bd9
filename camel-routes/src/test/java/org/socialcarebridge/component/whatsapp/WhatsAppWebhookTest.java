package org.socialcarebridge.component.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;

/**
 * The {@code whatsapp_business_account} handler over an in-memory ledger: every message of every entry and
 * change is filed once, statuses reach the receipts as they came, and what is not this number's or not
 * readable is a dead letter, never lost and never thrown.
 */
class WhatsAppWebhookTest {
    static final String WABA = "102000000000001";
    static final String NUMBER = "106000000000001";

    final ObjectMapper json = new ObjectMapper();
    final List<DeliveryReceipt> receipts = new ArrayList<>();
    final LatestMessages latest = new LatestMessages();
    Database db;
    Intake intake;
    WhatsAppWebhookHandler handler;

    @BeforeEach
    void start() {
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        // The intake records into the ledger only; filing (the host's side) is tested in the domain.
        intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        handler = new WhatsAppWebhookHandler(intake, new org.socialcarebridge.delivery.DeliveryReceipts() {
            @Override
            public boolean receive(DeliveryReceipt r) {
                return receipts.add(r);
            }

            @Override
            public boolean knows(DeliveryReceipt r) {
                return true;
            }
        }, NUMBER, latest);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aBatchOfFiftyMessagesAcrossEntriesAndChangesIsFiledWhole() throws Exception {
        ObjectNode root = root();
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (int e = 0; e < 5; e++) {
            ArrayNode changes = root.withArray("entry").addObject().put("id", WABA).putArray("changes");
            for (int c = 0; c < 2; c++) {
                ObjectNode value = value(changes, NUMBER);
                for (int m = 0; m < 5; m++, n++) {
                    String wa = "4915100000" + String.format("%02d", n % 7);
                    value.withArray("contacts").addObject().put("wa_id", wa).putObject("profile").put("name", "Person " + n % 7);
                    ids.add(text(value, wa, "Message " + n, 1_765_000_000L + n));
                }
            }
        }
        WebhookReceipt receipt = deliver(root);

        assertEquals(50, ledgerSize());
        assertEquals(50, receipt.fresh(), receipt.toString());
        ids.forEach(id -> assertNotNull(entry(id), id));
        LedgerEntry first = entry(ids.get(0));
        assertEquals(LedgerState.RECEIVED, first.state());
        assertEquals("Message 0", first.text());
        assertEquals(Visibility.PRIVATE, first.message().visibility());
        assertEquals(WhatsAppChannel.WHATSAPP, first.message().network());
        assertEquals("491510000000", first.message().author().accountId());
        assertEquals("491510000000", first.message().author().handle());
        assertEquals("Person 0", first.message().author().displayName());
        assertEquals(NUMBER + ":491510000000", first.message().conversationId(), "one conversation per customer and number");
        assertEquals(Instant.ofEpochSecond(1_765_000_000L), first.message().createdAt());

        assertEquals(0, deliver(root).fresh(), "Meta's retry of the same batch stores nothing twice");
        assertEquals(50, ledgerSize());
        assertEquals(Optional.of(ids.get(49)), latest.of("4915100000" + String.format("%02d", 49 % 7)),
                "the newest message of each customer is kept for the read receipt");
    }

    @Test
    void aChangeForAnotherNumberIsADeadLetterAndTheRestIsFiled() throws Exception {
        ObjectNode root = root();
        ArrayNode changes = root.withArray("entry").addObject().put("id", WABA).putArray("changes");
        String foreign = text(value(changes, "199999999999999"), "4915100000001", "Wrong number", 1_765_000_000L);
        String ours = text(value(changes, NUMBER), "4915100000002", "Right number", 1_765_000_001L);
        deliver(root);

        assertNull(entry(foreign), "not filed as a customer's message");
        assertNotNull(entry(ours));
        LedgerEntry dead = deadLetters().get(0);
        assertEquals(1, deadLetters().size());
        assertTrue(dead.lastError().contains("199999999999999") && dead.lastError().contains("phoneNumberId"),
                dead.lastError());
    }

    @Test
    void statusesReachTheReceiptsInTheOrderTheyCame() throws Exception {
        ObjectNode root = root();
        ArrayNode changes = root.withArray("entry").addObject().put("id", WABA).putArray("changes");
        ObjectNode value = value(changes, NUMBER);
        status(value, "wamid.A", "delivered", 1_765_000_010L);
        status(value, "wamid.A", "sent", 1_765_000_009L);
        ObjectNode failed = status(value, "wamid.B", "failed", 1_765_000_020L);
        failed.putArray("errors").addObject().put("code", 131047).put("title", "Re-engagement message")
                .put("message", "Re-engagement message").putObject("error_data").put("details",
                        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        ArrayNode later = root.withArray("entry").addObject().put("id", WABA).putArray("changes");
        status(value(later, NUMBER), "wamid.A", "read", 1_765_000_030L);
        status(value(later, NUMBER), "wamid.C", "deleted", 1_765_000_031L);
        WebhookReceipt receipt = deliver(root);

        assertEquals(List.of("wamid.A DELIVERED", "wamid.A SENT", "wamid.B FAILED", "wamid.A READ"),
                receipts.stream().map(r -> r.postId() + " " + r.status()).toList(), "as they came: the outbox decides what is news");
        DeliveryReceipt b = receipts.get(2);
        assertEquals(131047, b.errorCode());
        assertEquals("Re-engagement message: Message failed to send because more than 24 hours have passed since the"
                + " customer last replied to this number.", b.errorText());
        assertEquals(Instant.ofEpochSecond(1_765_000_020L), b.at());
        assertEquals(WhatsAppChannel.WHATSAPP, b.network());
        assertEquals(4, receipt.events());
        assertEquals(0, ledgerSize(), "statuses are no customer's messages");
    }

    @Test
    void whatIsNoTextIsFiledAsAReadableLine() throws Exception {
        ObjectNode root = root();
        ObjectNode value = value(root.withArray("entry").addObject().put("id", WABA).putArray("changes"), NUMBER);
        String image = media(value, "image", "{\"id\":\"m1\",\"mime_type\":\"image/jpeg\",\"caption\":\"<b>broken</b> lid\"}");
        String voice = media(value, "audio", "{\"id\":\"m2\",\"voice\":true}");
        String doc = media(value, "document", "{\"id\":\"m3\",\"filename\":\"invoice.pdf\",\"caption\":\"see this\"}");
        String place = media(value, "location", "{\"latitude\":52.52,\"longitude\":13.405,\"name\":\"Shop\",\"address\":\"Main St 1\"}");
        String card = media(value, "contacts", "[{\"name\":{\"formatted_name\":\"Ann Lee\"},\"phones\":[{\"phone\":\"+1 555 0100\"}]}]");
        String like = media(value, "reaction", "{\"message_id\":\"wamid.X\",\"emoji\":\"\ud83d\udc4d\"}");
        String button = media(value, "interactive", "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"b1\",\"title\":\"Yes\"}}");
        String odd = media(value, "unsupported", "{}");
        String none = "wamid.none";
        value.withArray("messages").addObject().put("id", none).put("timestamp", "1765000000").put("type", "text");
        deliver(root);

        assertEquals("[image] <b>broken</b> lid", entry(image).text(), "plain text as sent, never made HTML");
        assertEquals("[voice message]", entry(voice).text());
        assertEquals("[document] invoice.pdf - see this", entry(doc).text());
        assertEquals("[location] Shop - Main St 1 - 52.52, 13.405", entry(place).text());
        assertEquals("[contacts] Ann Lee - +1 555 0100", entry(card).text());
        assertEquals("[reaction] \ud83d\udc4d to message wamid.X", entry(like).text());
        assertEquals("[reply] Yes", entry(button).text());
        assertTrue(entry(odd).text().startsWith("[unsupported] "), entry(odd).text());
        LedgerEntry dead = entry(none);
        assertNotNull(dead, "without its sender: kept as a dead letter under its wamid");
        assertTrue(dead.lastError().contains("'from'"), dead.lastError());
    }

    @Test
    void theChannelIsPrivateOnlyWithItsWindowAndTemplates() {
        WhatsAppChannel channel = new WhatsAppChannel();
        assertEquals("whatsapp", channel.key());
        assertEquals("WhatsApp", channel.network().displayName());
        assertTrue(channel.publicReplies().isEmpty());
        var messages = channel.privateMessages().orElseThrow();
        assertEquals(4096, messages.limit());
        assertEquals(Duration.ofHours(24), messages.window());
        assertTrue(messages.templatesOutsideWindow());
        assertTrue(messages.lateReply().isEmpty());
        assertFalse(messages.oneReplyToPublicComment());
        assertFalse(channel.hidesComments());
        assertTrue(channel.privateThreads());
        assertFalse(channel.identities().atHandles());
        assertEquals(Set.of(org.socialcarebridge.channel.ReplyVisibility.PRIVATE), channel.replyChoices());
    }

    ObjectNode root() {
        ObjectNode root = json.createObjectNode().put("object", WhatsAppWebhookHandler.OBJECT);
        root.putArray("entry");
        return root;
    }

    ObjectNode value(ArrayNode changes, String number) {
        ObjectNode value = changes.addObject().put("field", "messages").putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550001234").put("phone_number_id", number);
        return value;
    }

    String text(ObjectNode value, String waId, String text, long at) {
        String id = "wamid." + UUID.randomUUID();
        value.withArray("messages").addObject().put("from", waId).put("id", id).put("timestamp", String.valueOf(at))
                .put("type", "text").putObject("text").put("body", text);
        return id;
    }

    String media(ObjectNode value, String type, String body) throws Exception {
        String id = "wamid." + UUID.randomUUID();
        value.withArray("messages").addObject().put("from", "4915100000009").put("id", id).put("timestamp", "1765000000")
                .put("type", type).set(type, json.readTree(body));
        return id;
    }

    ObjectNode status(ObjectNode value, String wamid, String status, long at) {
        return value.withArray("statuses").addObject().put("id", wamid).put("status", status)
                .put("timestamp", String.valueOf(at)).put("recipient_id", "4915100000001");
    }

    WebhookReceipt deliver(JsonNode root) throws Exception {
        return handler.receive(new WebhookDelivery("meta", root.toString().getBytes(StandardCharsets.UTF_8), Instant.now()), root);
    }

    long ledgerSize() {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e where e.state <> :dead", Long.class)
                .setParameter("dead", LedgerState.DEAD_LETTER).getSingleResult());
    }

    List<LedgerEntry> deadLetters() {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.state = :dead", LedgerEntry.class)
                .setParameter("dead", LedgerState.DEAD_LETTER).getResultList());
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "whatsapp:" + id));
    }
}
