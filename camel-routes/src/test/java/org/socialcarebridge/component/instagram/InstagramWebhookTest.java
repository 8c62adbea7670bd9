package org.socialcarebridge.component.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookDispatch;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;

/**
 * The {@code instagram} object of Meta's webhook through the {@link WebhookDispatch} (as the receiver hands it
 * over, signature checked) into an in-memory ledger: comments, mentions read back from a Graph double, and
 * direct messages become entries once; the account's own things and echoes become nothing.
 */
class InstagramWebhookTest extends LedgerAndGraphDouble {
    WebhookDispatch dispatch;

    @BeforeEach
    void start() throws Exception {
        dispatch = new WebhookDispatch(intake, json);
        dispatch.take(InstagramWebhookHandler.OBJECT, new InstagramWebhookHandler(intake, ACCOUNT, api));
    }

    static String delivery(String... entries) {
        return "{\"object\":\"instagram\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    static String comment(String id, String igsid, String username, String text, String media) {
        return "{\"id\":\"" + ACCOUNT + "\",\"time\":1765100000,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\""
                + id + "\",\"from\":{\"id\":\"" + igsid + "\",\"username\":\"" + username + "\"},\"text\":\"" + text
                + "\",\"media\":{\"id\":\"" + media + "\",\"media_product_type\":\"FEED\"}}}]}";
    }

    static String dm(String mid, String sender, String text, boolean echo) {
        return "{\"id\":\"" + ACCOUNT + "\",\"time\":1765100000,\"messaging\":[{\"sender\":{\"id\":\"" + sender
                + "\"},\"recipient\":{\"id\":\"" + (echo ? "555" : ACCOUNT) + "\"},\"timestamp\":1765100000123,"
                + "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"" + (echo ? ",\"is_echo\":true" : "")
                + "}}]}";
    }

    WebhookReceipt receive(String body) throws Exception {
        return dispatch.receive(new WebhookDelivery("meta", body.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    @Test
    void aCommentAndTheSamePersonsDirectMessageAreOnePersonOnInstagram() throws Exception {
        WebhookReceipt receipt = receive(delivery(comment("1790001", "6100001", "olga.k", "My order is late", "1800001"),
                dm("aWdfZAG1", "6100001", "Order 1234", false)));

        assertEquals(2, receipt.fresh());
        LedgerEntry c = entry("1790001");
        assertNotNull(c, "the comment is in the ledger under Meta's comment id");
        assertEquals("My order is late", c.text());
        assertEquals(Visibility.PUBLIC, c.message().visibility());
        assertEquals(InstagramChannel.INSTAGRAM, c.message().network());
        assertEquals("1800001:6100001", c.message().conversationId(), "one conversation per commenter and media");
        assertEquals("olga.k", c.message().author().handle());
        assertEquals("https://www.instagram.com/olga.k/", c.message().author().profileUrl());
        assertEquals(Instant.ofEpochSecond(1765100000), c.message().createdAt(), "the entry's time stands for it");

        LedgerEntry m = entry("aWdfZAG1");
        assertEquals(Visibility.PRIVATE, m.message().visibility());
        assertEquals("Order 1234", m.text());
        assertEquals(c.message().author().accountId(), m.message().author().accountId(),
                "one IGSID for comments and messages: the message joins the commenter");
        assertNull(m.message().conversationId(), "direct messages join the person's open ticket, as Messenger's do");

        assertEquals(0, receive(delivery(comment("1790001", "6100001", "olga.k", "My order is late", "1800001"))).fresh(),
                "Meta's retry stores nothing twice");
    }

    @Test
    void aMentionIsReadByIdAndCarriesItsMediaAndComment() throws Exception {
        graph.answer("GET", "/" + ACCOUNT, "{\"mentioned_comment\":{\"id\":\"1790009\",\"text\":\"@acme my parcel?\","
                + "\"timestamp\":\"2026-12-07T09:15:02+0000\",\"username\":\"bob_b\",\"from\":{\"id\":\"6100002\","
                + "\"username\":\"bob_b\"},\"media\":{\"id\":\"1800099\"}},\"id\":\"" + ACCOUNT + "\"}");
        WebhookReceipt receipt = receive(delivery("{\"id\":\"" + ACCOUNT + "\",\"time\":1765100000,\"changes\":[{\"field\":"
                + "\"mentions\",\"value\":{\"media_id\":\"1800099\",\"comment_id\":\"1790009\"}}]}"));

        assertEquals(1, receipt.fresh());
        LedgerEntry e = entry("mention:1800099:1790009");
        assertNotNull(e, "a mention's id carries the media and the comment a reply needs");
        assertEquals("@acme my parcel?", e.text());
        assertEquals("bob_b", e.message().author().handle());
        assertEquals(Instant.parse("2026-12-07T09:15:02Z"), e.message().createdAt());
        FakeGraph.Request read = graph.to("GET", "/" + ACCOUNT).get(0);
        assertTrue(read.query().contains("mentioned_comment.comment_id(1790009)"), read.query());
        assertEquals("Bearer " + graph.token, read.authorization(), "the token as a header, never in the URL");
    }

    @Test
    void aMentionThatCannotBeReadNowIsRefusedSoThatMetaSendsItAgain() {
        graph.answer("GET", "/" + ACCOUNT, 500, "{\"error\":{\"message\":\"An unexpected error has occurred\",\"code\":2}}");
        assertThrows(NetworkUnavailableException.class, () -> receive(delivery("{\"id\":\"" + ACCOUNT + "\",\"changes\":"
                + "[{\"field\":\"mentions\",\"value\":{\"media_id\":\"1800099\",\"comment_id\":\"1790009\"}}]}",
                comment("1790010", "6100010", "ines_r", "Beside the mention", "1800001"))));
        assertEquals(1, ledgerSize(), "the comment beside it is stored before Meta is asked to send the delivery again");
    }

    @Test
    void echoesTheAccountsOwnCommentsAndOtherFieldsAreNoMessages() throws Exception {
        WebhookReceipt receipt = receive(delivery(dm("aWdfZAG2", ACCOUNT, "Our answer", true),
                comment("1790002", ACCOUNT, "acme", "@olga.k we are on it", "1800001"),
                "{\"id\":\"" + ACCOUNT + "\",\"changes\":[{\"field\":\"story_insights\",\"value\":{\"media_id\":\"1\"}}]}",
                "{\"id\":\"" + ACCOUNT + "\",\"messaging\":[{\"sender\":{\"id\":\"6100001\"},\"read\":{\"mid\":\"x\"}}]}"));
        assertEquals(0, receipt.events());
        assertEquals(0, ledgerSize());
    }

    @Test
    void aCommentWithoutItsIdIsADeadLetterAndTheRestIsKept() throws Exception {
        WebhookReceipt receipt = receive(delivery("{\"id\":\"" + ACCOUNT + "\",\"changes\":[{\"field\":\"comments\","
                + "\"value\":{\"id\":\"1790004\",\"text\":\"no author\",\"media\":{\"id\":\"1\"}}}]}",
                dm("aWdfZAG3", "6100003", "Hello", false)));
        assertEquals(2, receipt.events());
        assertEquals(2, receipt.fresh(), "the message and the dead letter are both kept");
        assertEquals(LedgerState.DEAD_LETTER, entry("1790004").state());
        assertEquals(LedgerState.RECEIVED, entry("aWdfZAG3").state());
    }

    WebhookDispatch withSenderLookUps() {
        WebhookDispatch d = new WebhookDispatch(intake, json);
        d.take(InstagramWebhookHandler.OBJECT, new InstagramWebhookHandler(intake, ACCOUNT, api, new InstagramProfiles(api)));
        return d;
    }

    WebhookReceipt receive(WebhookDispatch d, String body) throws Exception {
        return d.receive(new WebhookDelivery("meta", body.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    @Test
    void aDirectMessageIsFiledUnderItsSendersUsernameAsTheirCommentIsAndTheProfileIsReadOnce() throws Exception {
        graph.answer("GET", "/6100002", "{\"name\":\"Olga Kowalska\",\"username\":\"olga.k\",\"profile_pic\":"
                + "\"https://scontent.example/p.jpg\",\"follower_count\":812,\"is_verified_user\":true,\"id\":\"6100002\"}");
        WebhookDispatch d = withSenderLookUps();

        assertEquals(3, receive(d, delivery(comment("1790021", "6100002", "olga.k", "Late again", "1800001"),
                dm("aWdfZAG21", "6100002", "Order 1234", false))).fresh() + receive(d, delivery(
                dm("aWdfZAG22", "6100002", "Any news?", false))).fresh());

        var comment = entry("1790021").message().author();
        var first = entry("aWdfZAG21").message().author();
        assertEquals("olga.k", first.handle(), "the @username, not the IGSID");
        assertEquals(comment.handle(), first.handle());
        assertEquals(comment.profileUrl(), first.profileUrl());
        assertEquals("https://www.instagram.com/olga.k/", first.profileUrl());
        assertEquals("Olga Kowalska", first.displayName());
        assertEquals(812, first.followers());
        assertTrue(first.verified());
        assertEquals(first, entry("aWdfZAG22").message().author(), "the second message: the same person");

        assertEquals(1, graph.to("GET", "/6100002").size(), "one look-up per person");
        FakeGraph.Request read = graph.to("GET", "/6100002").get(0);
        assertTrue(read.query().contains("fields=name,username,profile_pic,follower_count,is_verified_user"), read.query());
        assertEquals("Bearer " + graph.token, read.authorization(), "the Page token, as a header");
    }

    @Test
    void aFailedLookUpStillFilesTheMessageByIdAndPausesLookUpsSoNoMessageWaitsForIt() throws Exception {
        graph.answer("GET", "/6100003", 500, "{\"error\":{\"message\":\"An unexpected error has occurred\",\"code\":2,"
                + "\"is_transient\":true}}");
        graph.answer("GET", "/6100004", "{\"username\":\"piet\",\"id\":\"6100004\"}");
        WebhookDispatch d = withSenderLookUps();

        assertEquals(1, receive(d, delivery(dm("aWdfZAG31", "6100003", "Hello?", false))).fresh(),
                "filed all the same, in the same delivery");
        var author = entry("aWdfZAG31").message().author();
        assertEquals("6100003", author.handle(), "the IGSID stands for the username");
        assertNull(author.profileUrl());
        assertNull(author.displayName());

        assertEquals(1, receive(d, delivery(dm("aWdfZAG41", "6100004", "Hi", false))).fresh());
        assertEquals("6100004", entry("aWdfZAG41").message().author().handle());
        assertTrue(graph.to("GET", "/6100004").isEmpty(), "no look-up during the pause after a failure");
        assertEquals(1, graph.to("GET", "/6100003").size());
    }
}
