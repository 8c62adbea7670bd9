package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Inbound;
import org.socialcarebridge.channel.LengthRule;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.delivery.DeliveryReceipt.Status;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.export.MessageColumn;
import org.socialcarebridge.export.MessageExport;
import org.socialcarebridge.export.MessageRow;
import org.socialcarebridge.export.MessageWriter;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.DeskTerms;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;

/**
 * A WhatsApp-like network (private messages only; free text within 24 hours of the customer's last
 * message, approved templates at any time; receipts for what the brand sent): the reply rules, the
 * template's way through the outbox, and the receipts on the reply's transaction.
 */
class TemplateRepliesTest {
    /** The real channel is camel-routes' WhatsAppChannel; the domain only needs what it answers. */
    static final Network WHATSAPP = Network.declare("whatsapp", "WhatsApp");
    static final SampleChannels.Described WHATSAPP_LIKE = new SampleChannels.Described(WHATSAPP,
            Set.of(new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.WEBHOOK)), Optional.empty(),
            Optional.of(new PrivateMessages(4096, new LengthRule(LengthRule.Counting.CODE_POINTS, 23, false),
                    PrivateMessages.Addressing.ACCOUNT, Duration.ofHours(24), true, null, null)),
            Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN, new Identities(20, false, null));
    static final SocialIdentity MARIA = new SocialIdentity(WHATSAPP, "15551230001", "15551230001", "Maria", null, 1, false);
    static final Instant WROTE = Instant.parse("2026-11-24T10:00:00Z");
    /** As RT spells the fields. */
    static final DeskTerms RT = new DeskTerms() {
        @Override
        public String field(TicketField field) {
            return field.name();
        }

        @Override
        public String field(MessageField field) {
            return field == MessageField.TEMPLATE ? "Social Template" : field.name();
        }

        @Override
        public String choice(ReplyVisibility visibility) {
            return visibility.label();
        }

        @Override
        public String approvalGroup() {
            return "Social Approval Needed";
        }
    };

    /** Posts what it is given, failing as told; ids are wamids. */
    static final class WhatsAppDouble implements NetworkClient {
        final List<OutboundPost> posted = new CopyOnWriteArrayList<>();
        final List<RuntimeException> failures = new ArrayList<>();

        @Override
        public Network network() {
            return WHATSAPP;
        }

        @Override
        public PostedMessage post(OutboundPost post, String idempotencyKey) {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            posted.add(post);
            return new PostedMessage("wamid.HBg" + posted.size(), null);
        }
    }

    final RecordingHost host = new RecordingHost();
    final WhatsAppDouble whatsapp = new WhatsAppDouble();
    final MovableClock clock = new MovableClock(WROTE);
    Database db;
    Outbox outbox;

    @BeforeEach
    void mariaWritesOnWhatsApp() {
        db = TestDatabase.open();
        Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), clock);
        intake.receive(List.of(new InboundMessage(WHATSAPP, "wamid.IN1", MARIA, "Where is my order?", WROTE, null, null,
                Visibility.PRIVATE, null)));
        intake.filePending(10);
        outbox = outbox(Signature.of(Signature.OFF));
    }

    @AfterEach
    void close() {
        db.close();
    }

    Outbox outbox(Signature signature) {
        return new Outbox(db, host, host, host, Map.of(WHATSAPP, whatsapp), policy(signature), RetrySchedule.standard(),
                new ReplyApproval(0), AgentGroups.DEFAULT, clock);
    }

    ReplyPolicy policy(Signature signature) {
        return new ReplyPolicy(Channels.of(WHATSAPP_LIKE, SampleChannels.X), new SensitiveDataGuard(GuardSettings.defaults()),
                signature, MoveToPrivate.standard(), 1, Map.of(), clock);
    }

    static Conversation conversation() {
        Conversation c = new Conversation("whatsapp:dm:15551230001", 1, MARIA, WROTE);
        c.heardFrom(new InboundMessage(WHATSAPP, "wamid.IN1", MARIA, "Where is my order?", WROTE, null, null,
                Visibility.PRIVATE, null), WROTE);
        return c;
    }

    static Participants maria(Conversation c) {
        return Participants.of(c, List.of(new Participants.Written("15551230001", "15551230001", WROTE, "wamid.IN1",
                Visibility.PRIVATE)), Set.of());
    }

    static AgentReply reply(long txn, String text, String template) {
        return new AgentReply(1, txn, "agent", text, ReplyVisibility.PRIVATE, false, false, "Ann Agent", null, null, template);
    }

    void agentReplies(AgentReply reply) {
        host.replies.put(reply.transactionId(), reply);
        outbox.accept(reply.transactionId());
        outbox.deliverDue(10);
    }

    // ---- the reply rules

    @Test
    void afterTheWindowFreeTextIsRefusedBeforeAnythingIsSentSayingWhenTheCustomerWroteAndWhatToDo() {
        clock.now = WROTE.plus(Duration.ofHours(25));
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> policy(Signature.of(Signature.OFF)).compose(reply(101, "Your parcel left today", null), conversation(),
                        List.of(), maria(conversation())));
        String told = e.in(RT);
        assertTrue(told.startsWith("Nothing was sent: the customer last wrote at 2026-11-24 10:00 UTC, and WhatsApp allows"
                + " free text only within 24 hours of the customer's last message (that window closed at 2026-11-25 10:00"
                + " UTC)."), told);
        assertTrue(told.contains("pick an approved template in Social Template"), told);
        assertTrue(told.contains("its placeholders ({{1}}, {{2}}…) are filled from the reply's text, one line each"), told);
        assertTrue(told.contains("Or wait until the customer writes again"), told);
        assertTrue(e.getMessage().contains("pick an approved template in TEMPLATE"), "the domain's own terms in logs");

        agentReplies(reply(101, "Your parcel left today", null));
        assertTrue(whatsapp.posted.isEmpty(), "nothing reached the network");
        assertTrue(host.deliveries.get(101L).get(MessageField.DELIVERY).startsWith("refused: Nothing was sent: the customer"
                + " last wrote"), host.deliveries.toString());
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("was NOT delivered")
                && c.contains("pick an approved template in " + host.field(MessageField.TEMPLATE))),
                "the ticket says what to do, in the desk's words: " + host.comments);
    }

    @Test
    void afterTheWindowAPickedTemplateGoesWithTheAgentsTextForItsPlaceholdersAndNoSignature() {
        clock.now = WROTE.plus(Duration.ofDays(3));
        List<OutboundPost> posts = policy(Signature.of("^{initials}")).compose(
                reply(102, "Maria\nyour parcel left today", "order_update"), conversation(), List.of(), maria(conversation()));
        assertEquals(1, posts.size());
        OutboundPost post = posts.get(0);
        assertEquals("order_update", post.template());
        assertEquals("Maria\nyour parcel left today", post.text(), "the placeholders' values, one a line, unsigned");
        assertEquals(ReplyVisibility.PRIVATE, post.visibility());
        assertEquals("15551230001", post.recipientAccountId());
        assertNull(post.tag());
        assertNull(post.inReplyToMessageId());
    }

    @Test
    void insideTheWindowFreeTextGoesPlainAndATemplateGoesWhenTheAgentPicksOne() {
        clock.now = WROTE.plus(Duration.ofHours(23));
        ReplyPolicy policy = policy(Signature.of(Signature.OFF));
        OutboundPost text = policy.compose(reply(103, "On its way", null), conversation(), List.of(), maria(conversation()))
                .get(0);
        assertNull(text.template());
        assertEquals("On its way", text.text());
        OutboundPost template = policy.compose(reply(104, "On its way", "follow_up"), conversation(), List.of(),
                maria(conversation())).get(0);
        assertEquals("follow_up", template.template());
    }

    @Test
    void aTemplateOnANetworkWithoutTemplatesIsRefusedSayingToClearTheField() {
        Conversation onX = MadeUpChannelsTest.messaged();
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class, () -> policy(Signature.of(Signature.OFF))
                .compose(new AgentReply(7, 105, "agent", "hello", ReplyVisibility.PRIVATE, false, false, null, null, null,
                        "order_update"), onX));
        assertEquals("Nothing was sent: Social Template is 'order_update', and X has no approved templates. Clear Social"
                + " Template to send the text as written.", e.in(RT));
    }

    @Test
    void theTicketShowsWhenTheWindowClosesAndThatOnlyATemplateGoesAfterIt() {
        clock.now = WROTE.plus(Duration.ofHours(2));
        assertEquals(Optional.of("Private: open until 2026-11-25 10:00 UTC, then only an approved template"),
                policy(Signature.of(Signature.OFF)).privateNow(conversation(), maria(conversation())));
        clock.now = WROTE.plus(Duration.ofHours(25));
        assertEquals(Optional.of("Private: only an approved template now"),
                policy(Signature.of(Signature.OFF)).privateNow(conversation(), maria(conversation())));
        assertTrue(policy(Signature.of(Signature.OFF)).directMessageClosed(conversation()).orElseThrow()
                        .contains("(after it, only a template the network approved)"),
                "automated messages after the window need a template: the follow-ups decide");
    }

    // ---- through the outbox

    @Test
    void theTemplateIsStoredWithTheReplyAndStillSentAfterARetryAndARestart() {
        clock.now = WROTE.plus(Duration.ofDays(2));
        whatsapp.failures.add(new NetworkUnavailableException("WhatsApp answered 503"));
        host.replies.put(106L, new AgentReply(1, 106, "newhire", "Maria\nyour refund is on its way", ReplyVisibility.PRIVATE,
                true, true, "New Hire", null, null, "order_update"));
        outbox.accept(106);
        outbox.deliverDue(10);
        assertTrue(whatsapp.posted.isEmpty(), "the first try failed");
        outbox = outbox(Signature.of("^{initials}")); // a restart: the reply is read back from the store
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        outbox.deliverDue(10);
        assertEquals(1, whatsapp.posted.size(), "a private reply is never held for approval, and goes once");
        assertEquals("order_update", whatsapp.posted.get(0).template());
        assertEquals("Maria\nyour refund is on its way", whatsapp.posted.get(0).text());
        assertEquals("posted wamid.HBg1", host.deliveries.get(106L).get(MessageField.DELIVERY));
    }

    // ---- receipts

    Outbox sentReply(long txn) {
        agentReplies(reply(txn, "On its way", null));
        assertEquals(1, whatsapp.posted.size());
        return outbox;
    }

    DeliveryReceipt receipt(Status status) {
        return new DeliveryReceipt(WHATSAPP, "wamid.HBg1", status, clock.instant(), null, null);
    }

    String delivery(long txn) {
        outbox.deliverDue(10); // writes back what changed
        return host.deliveries.get(txn).get(MessageField.DELIVERY);
    }

    @Test
    void receiptsMoveTheReplyForwardAndSocialDeliveryShowsTheFurthest() {
        sentReply(110);
        assertEquals("posted wamid.HBg1", delivery(110));
        assertTrue(outbox.receive(receipt(Status.SENT)));
        assertEquals("sent wamid.HBg1", delivery(110));
        assertFalse(outbox.receive(receipt(Status.SENT)), "a duplicate changes nothing");
        assertTrue(outbox.receive(receipt(Status.DELIVERED)));
        assertEquals("delivered wamid.HBg1", delivery(110));
        assertTrue(outbox.receive(receipt(Status.READ)));
        assertEquals("read wamid.HBg1", delivery(110));
        assertFalse(outbox.receive(receipt(Status.DELIVERED)), "never backwards");
        assertEquals("read wamid.HBg1", delivery(110));
    }

    @Test
    void outOfOrderReceiptsReadThenDeliveredThenSentStayRead() {
        sentReply(111);
        assertTrue(outbox.receive(receipt(Status.READ)));
        assertFalse(outbox.receive(receipt(Status.DELIVERED)));
        assertFalse(outbox.receive(receipt(Status.SENT)));
        assertEquals("read wamid.HBg1", delivery(111));
    }

    @Test
    void aFailureAfterDeliveredIsIgnored() {
        sentReply(112);
        assertTrue(outbox.receive(receipt(Status.DELIVERED)));
        assertFalse(outbox.receive(new DeliveryReceipt(WHATSAPP, "wamid.HBg1", Status.FAILED, clock.instant(), 131047,
                "Re-engagement message: too late")));
        assertEquals("delivered wamid.HBg1", delivery(112));
        assertEquals(0, outbox.failed());
    }

    @Test
    void aFailureAfterSentFailsTheReplyWithTheNetworksErrorAndACommentOnTheTicket() {
        sentReply(113);
        assertTrue(host.comments.getOrDefault(1L, List.of()).isEmpty(), "no comment yet");
        assertTrue(outbox.receive(receipt(Status.SENT)));
        delivery(113);
        String details = "Message failed to send because more than 24 hours have passed since the customer last replied"
                + " to this number.";
        assertTrue(outbox.receive(new DeliveryReceipt(WHATSAPP, "wamid.HBg1", Status.FAILED, clock.instant(), 131047,
                "Re-engagement message: " + details)));
        assertEquals("failed: WhatsApp error 131047 (Re-engagement message): " + details, delivery(113));
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("transaction #113 was NOT delivered to the"
                + " customer (failed): WhatsApp error 131047 (Re-engagement message): " + details)), host.comments.toString());
        assertEquals(1, outbox.failed(), "counted on the health page");
        assertFalse(outbox.receive(receipt(Status.SENT)), "a late sent does not undo the failure");
        assertFalse(outbox.receive(new DeliveryReceipt(WHATSAPP, "wamid.HBg1", Status.FAILED, clock.instant(), 131047,
                "Re-engagement message: " + details)), "nor is it failed twice");
        assertEquals(1, host.comments.get(1L).stream().filter(c -> c.contains("NOT delivered")).count());
    }

    @Test
    void aReceiptForAMessageNoReplySentIsIgnored() {
        sentReply(114);
        assertFalse(outbox.receive(new DeliveryReceipt(WHATSAPP, "wamid.OTHER", Status.READ, clock.instant(), null, null)));
        assertFalse(outbox.receive(new DeliveryReceipt(Network.X, "wamid.HBg1", Status.READ, clock.instant(), null, null)),
                "the same id on another network is another message");
        assertEquals("posted wamid.HBg1", delivery(114));
    }

    @Test
    void receiptsArrivingInParallelEndAtTheFurthest() throws Exception {
        sentReply(115);
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (Status s : List.of(Status.SENT, Status.DELIVERED, Status.READ)) {
                deliveries.add(() -> outbox.receive(receipt(s)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Boolean> f : pool.invokeAll(deliveries)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("read wamid.HBg1", delivery(115), "READ ranks above everything, whatever order they were applied in");
    }

    @Test
    void theExportShowsTheFurthestStatus() throws IOException {
        sentReply(116);
        outbox.receive(receipt(Status.DELIVERED));
        List<MessageRow> rows = new ArrayList<>();
        new MessageExport(db).export(WROTE.minusSeconds(1), WROTE.plus(Duration.ofDays(1)), List.of(new MessageWriter() {
            @Override
            public void write(MessageRow row) {
                rows.add(row);
            }

            @Override
            public void close() {
            }
        }));
        assertTrue(rows.stream().anyMatch(r -> "delivered".equals(r.get(MessageColumn.DELIVERY_STATE))), rows.toString());
    }
}
