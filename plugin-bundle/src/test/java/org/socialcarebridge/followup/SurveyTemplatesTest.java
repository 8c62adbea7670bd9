package org.socialcarebridge.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.delivery.DeliveryReceipt.Status;
import org.socialcarebridge.delivery.DeliveryReceipts;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.StatusChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.AgentGroups;
import org.socialcarebridge.reply.MoveToPrivate;
import org.socialcarebridge.reply.Outbox;
import org.socialcarebridge.reply.ReplyApproval;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.Signature;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;
import org.socialcarebridge.triage.engine.Triage;

/**
 * Follow-ups on a WhatsApp-like network (private messages only; free text within 24 hours of the
 * customer's last message, approved templates at any time): no public closing, and the survey after the
 * window goes as the administrator's survey template or is skipped saying why.
 */
class SurveyTemplatesTest {
    static final Network WHATSAPP = Network.declare("whatsapp", "WhatsApp");
    static final SampleChannels.Described WHATSAPP_LIKE = new SampleChannels.Described(WHATSAPP,
            Set.of(new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.WEBHOOK)), Optional.empty(),
            Optional.of(new PrivateMessages(4096, new LengthRule(LengthRule.Counting.CODE_POINTS, 23, false),
                    PrivateMessages.Addressing.ACCOUNT, Duration.ofHours(24), true, null, null)),
            Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN, new Identities(20, false, null));
    static final SocialIdentity MARIA = new SocialIdentity(WHATSAPP, "15551230001", "15551230001", "Maria Lopez", null, 1,
            false);

    static final class WhatsAppDouble implements NetworkClient {
        final List<OutboundPost> posted = new ArrayList<>();

        @Override
        public Network network() {
            return WHATSAPP;
        }

        @Override
        public PostedMessage post(OutboundPost post, String idempotencyKey) {
            posted.add(post);
            return new PostedMessage("wamid.OUT" + posted.size(), null);
        }
    }

    final RecordingHost host = new RecordingHost();
    final WhatsAppDouble whatsapp = new WhatsAppDouble();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    Database db;
    FollowUps followUps;
    Intake intake;
    Outbox outbox;
    long nextTxn = 500;

    @BeforeEach
    void open() {
        db = TestDatabase.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    void start(FollowUpPolicy policy) {
        ReplyPolicy replies = new ReplyPolicy(Channels.of(WHATSAPP_LIKE), new SensitiveDataGuard(GuardSettings.defaults()),
                Signature.of(Signature.OFF), MoveToPrivate.standard(), 1, Map.of(), clock);
        followUps = new FollowUps(db, host, host, Map.of(WHATSAPP, whatsapp), replies, policy, RetrySchedule.standard(),
                clock);
        intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), Triage.withDefaults(), followUps, clock);
        outbox = new Outbox(db, host, host, host, Map.of(WHATSAPP, whatsapp), replies, RetrySchedule.standard(),
                new ReplyApproval(0), AgentGroups.DEFAULT, clock);
        followUps.readResolutions();
    }

    /** Maria writes, an agent answers, and the ticket is resolved {@code resolvedAfter} later. */
    void answeredAndResolved(Duration resolvedAfter) {
        intake.receive(List.of(new InboundMessage(WHATSAPP, "wamid.IN1", MARIA, "Where is my order?", clock.instant(), null,
                null, Visibility.PRIVATE, null)));
        intake.filePending(10);
        long reply = nextTxn++;
        host.replies.put(reply, new AgentReply(1, reply, "agent", "It left today", ReplyVisibility.PRIVATE));
        outbox.accept(reply);
        outbox.deliverDue(10);
        assertEquals(1, whatsapp.posted.size());
        clock.now = clock.now.plus(resolvedAfter);
        host.statusChanges.add(new StatusChange(nextTxn++, 1, "open", "resolved", "agent", clock.instant()));
        host.resolved.put(1L, clock.instant());
        followUps.readResolutions();
        pass();
        clock.now = clock.now.plus(Duration.ofMinutes(10)); // the survey's delay
        pass();
    }

    void pass() {
        followUps.sendDue(10);
        followUps.writeBack(50);
    }

    String field(TicketField name) {
        return host.ticketFields.getOrDefault(1L, Map.of()).get(name);
    }

    @Test
    void afterTheWindowTheSurveyGoesAsItsTemplateGreetingTheCustomerByName() {
        start(FollowUpPolicy.defaults().withSurveyTemplates(Map.of(WHATSAPP, "csat_survey")));
        answeredAndResolved(Duration.ofHours(25));
        assertEquals(2, whatsapp.posted.size(), "the reply, then the survey");
        OutboundPost survey = whatsapp.posted.get(1);
        assertEquals("csat_survey", survey.template());
        assertEquals("Maria Lopez", survey.text(), "the template's one placeholder");
        assertEquals(ReplyVisibility.PRIVATE, survey.visibility());
        assertEquals("15551230001", survey.recipientAccountId());
        assertTrue(field(TicketField.SURVEY).startsWith("sent "), field(TicketField.SURVEY));
    }

    @Test
    void insideTheWindowTheSurveyIsItsTextEvenWithATemplateSet() {
        start(FollowUpPolicy.defaults().withSurveyTemplates(Map.of(WHATSAPP, "csat_survey")));
        answeredAndResolved(Duration.ofHours(1));
        OutboundPost survey = whatsapp.posted.get(1);
        assertNull(survey.template());
        assertEquals(FollowUpPolicy.SURVEY_TEXT, survey.text());
    }

    @Test
    void afterTheWindowWithoutATemplateTheSurveyIsSkippedSayingWhy() {
        start(FollowUpPolicy.defaults());
        answeredAndResolved(Duration.ofHours(25));
        assertEquals(1, whatsapp.posted.size(), "the reply only");
        assertTrue(field(TicketField.SURVEY).startsWith("not sent: the customer last wrote privately at 2026-11-24T10:00:00Z;"
                + " WhatsApp lets the brand send a direct message only within 24h of the person's last private message"
                + " (after it, only a template the network approved), and a survey is never sent in public"),
                field(TicketField.SURVEY));
    }

    @Test
    void aNetworkWithoutPublicRepliesGetsNoClosing() {
        start(FollowUpPolicy.defaults());
        answeredAndResolved(Duration.ofHours(1));
        assertTrue(field(TicketField.CLOSING).startsWith("not sent: the conversation began in private"),
                field(TicketField.CLOSING));
        assertTrue(whatsapp.posted.stream().noneMatch(p -> p.visibility() == ReplyVisibility.PUBLIC));
    }

    @Test
    void aFailureReceiptForTheSurveyFailsItOnTheTicketAndDeliveredOrReadAreKept() {
        start(FollowUpPolicy.defaults().withSurveyTemplates(Map.of(WHATSAPP, "csat_survey")));
        answeredAndResolved(Duration.ofHours(25));
        DeliveryReceipts receipts = outbox.orElse(followUps);
        assertFalse(receipts.receive(new DeliveryReceipt(WHATSAPP, "wamid.UNKNOWN", Status.READ, clock.instant(), null,
                null)), "no reply and no follow-up sent it");
        assertTrue(receipts.receive(new DeliveryReceipt(WHATSAPP, "wamid.OUT2", Status.SENT, clock.instant(), null, null)));
        assertFalse(receipts.receive(new DeliveryReceipt(WHATSAPP, "wamid.OUT2", Status.SENT, clock.instant(), null, null)));
        assertTrue(receipts.receive(new DeliveryReceipt(WHATSAPP, "wamid.OUT2", Status.FAILED, clock.instant(), 132000,
                "Number of parameters does not match: expected 2")));
        pass();
        assertEquals("sent 2026-11-25 11:10 UTC, then failed: WhatsApp error 132000 (Number of parameters does not match):"
                + " expected 2", field(TicketField.SURVEY));
        assertTrue(receipts.receive(new DeliveryReceipt(WHATSAPP, "wamid.OUT1", Status.READ, clock.instant(), null, null)),
                "the agent's reply, through the same sink");
    }

    @Test
    void aLateFailureOfAnAnsweredSurveyChangesNothing() {
        start(FollowUpPolicy.defaults());
        answeredAndResolved(Duration.ofHours(1));
        intake.receive(List.of(new InboundMessage(WHATSAPP, "wamid.IN2", MARIA, "5", clock.instant(), null, null,
                Visibility.PRIVATE, null)));
        intake.filePending(10);
        pass();
        assertTrue(field(TicketField.SURVEY).startsWith("answered 5/5"), field(TicketField.SURVEY));
        assertFalse(followUps.receive(new DeliveryReceipt(WHATSAPP, "wamid.OUT2", Status.FAILED, clock.instant(), 131047,
                "Re-engagement message: too late")));
        assertTrue(followUps.receive(new DeliveryReceipt(WHATSAPP, "wamid.OUT2", Status.READ, clock.instant(), null, null)));
        pass();
        assertTrue(field(TicketField.SURVEY).startsWith("answered 5/5"), field(TicketField.SURVEY));
    }

    @Test
    void surveyTemplatesAreReadAsNetworkTemplatePairs() {
        assertEquals(Map.of(WHATSAPP, "csat_survey"), FollowUpPolicy.surveyTemplates(" whatsapp:csat_survey ,"));
        assertEquals(Map.of(), FollowUpPolicy.surveyTemplates(""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FollowUpPolicy.surveyTemplates("csat_survey"))
                .getMessage().contains("'csat_survey' is no network:template pair"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FollowUpPolicy.surveyTemplates("whatsapp:CSAT"))
                .getMessage().contains("names no template"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FollowUpPolicy.surveyTemplates("whatsapp:a, whatsapp:b")).getMessage().contains("listed twice"));
    }
}
