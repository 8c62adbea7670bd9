package org.socialcarebridge.component.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.component.graph.GraphRecovery;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.Visibility;

/**
 * {@link InstagramRecovery} against a Graph double: the media's comments and the Instagram conversations'
 * messages since the mark become the messages the webhook would have made, the account's own are skipped,
 * and what the webhook already brought is stored once.
 */
class InstagramRecoveryTest extends LedgerAndGraphDouble {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @BeforeEach
    void start() throws Exception {
        graph.answer("GET", "/" + ACCOUNT + "/media", "{\"data\":[{\"id\":\"1800001\",\"timestamp\":"
                + "\"2026-11-01T10:00:00+0000\",\"caption\":\"Spring\"}]}");
        graph.answer("GET", "/1800001/comments", "{\"data\":["
                + "{\"id\":\"1790001\",\"text\":\"My order is late\",\"timestamp\":\"2026-12-07T09:00:00+0000\","
                + "\"username\":\"olga.k\",\"from\":{\"id\":\"6100001\",\"username\":\"olga.k\"}},"
                + "{\"id\":\"1790002\",\"text\":\"@olga.k on it\",\"timestamp\":\"2026-12-07T09:05:00+0000\","
                + "\"from\":{\"id\":\"" + ACCOUNT + "\",\"username\":\"acme\"},\"parent_id\":\"1790001\"},"
                + "{\"id\":\"1790000\",\"text\":\"Old\",\"timestamp\":\"2026-12-01T09:00:00+0000\","
                + "\"from\":{\"id\":\"6100009\",\"username\":\"old\"}}]}");
        graph.answer("GET", "/" + ACCOUNT + "/conversations", "{\"data\":["
                + "{\"id\":\"t_1\",\"updated_time\":\"2026-12-07T10:00:00+0000\"},"
                + "{\"id\":\"t_2\",\"updated_time\":\"2026-11-07T10:00:00+0000\"}]}");
        graph.answer("GET", "/t_1/messages", "{\"data\":["
                + "{\"id\":\"aWdfZAGb\",\"created_time\":\"2026-12-07T10:00:00+0000\",\"from\":{\"id\":\"" + ACCOUNT
                + "\",\"username\":\"acme\"},\"message\":\"We are on it\"},"
                + "{\"id\":\"aWdfZAGa\",\"created_time\":\"2026-12-07T09:58:00+0000\",\"from\":{\"id\":\"6100001\","
                + "\"username\":\"olga.k\"},\"message\":\"Order 1234\"},"
                + "{\"id\":\"aWdfZAG0\",\"created_time\":\"2026-12-01T09:58:00+0000\",\"from\":{\"id\":\"6100001\"},"
                + "\"message\":\"Before the mark\"}]}");
    }

    InstagramRecovery recovery() {
        return new InstagramRecovery(api, intake, db, ACCOUNT, Duration.ofHours(24), 10, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void whatTheWebhookMissedIsReadBackOnceAndTheAccountsOwnIsSkipped() {
        GraphRecovery.Run run = recovery().run();

        assertTrue(run.passComplete());
        assertEquals(Instant.parse("2026-12-06T12:00:00Z"), run.since(), "the first pass looks back a day");
        assertEquals(2, run.fresh(), "Olga's comment and direct message");
        LedgerEntry comment = entry("1790001");
        assertEquals("1800001:6100001", comment.message().conversationId(), "as the webhook files it");
        assertEquals(Visibility.PUBLIC, comment.message().visibility());
        assertEquals("olga.k", comment.message().author().handle());
        LedgerEntry message = entry("aWdfZAGa");
        assertEquals(Visibility.PRIVATE, message.message().visibility());
        assertEquals("6100001", message.message().author().accountId());
        assertNull(entry("1790002"), "the account's own reply");
        assertNull(entry("aWdfZAGb"), "the account's own message");
        assertNull(entry("1790000"), "before the mark");
        assertNull(entry("aWdfZAG0"), "before the mark");
        assertTrue(graph.to("GET", "/t_2/messages").isEmpty(), "a conversation not updated since the mark is not read");
        assertEquals(NOW.minus(GraphRecovery.OVERLAP).toString(), db.cursor("instagram:recovered-since"));

        assertEquals(0, recovery().run().fresh(), "a second pass stores nothing twice");
    }

    @Test
    void aDirectMessageTheWebhookBroughtIsADuplicateForTheRecovery() throws Exception {
        InstagramWebhookHandler handler = new InstagramWebhookHandler(intake, ACCOUNT, api);
        String delivery = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ACCOUNT + "\",\"time\":1765101480,"
                + "\"messaging\":[{\"sender\":{\"id\":\"6100001\"},\"recipient\":{\"id\":\"" + ACCOUNT + "\"},"
                + "\"timestamp\":1765101480000,\"message\":{\"mid\":\"aWdfZAGa\",\"text\":\"Order 1234\"}}]}]}";
        assertEquals(1, handler.receive(new WebhookDelivery("meta", delivery.getBytes(StandardCharsets.UTF_8), NOW),
                json.readTree(delivery)).fresh());

        GraphRecovery.Run run = recovery().run();
        assertEquals(1, run.fresh(), "only the comment is new");
        assertNotNull(entry("1790001"));
    }
}
