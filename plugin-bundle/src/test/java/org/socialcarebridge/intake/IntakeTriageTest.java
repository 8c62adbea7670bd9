package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.FilteredMessages;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.TriageRecord;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.engine.TriageLabel;
import org.socialcarebridge.triage.engine.TriageTraining;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.TriageRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Intake with the triage engine and the shipped default rules: what becomes work, where, and by when. */
class IntakeTriageTest {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice A", null, 120, false);
    static final SocialIdentity SPAMMER = new SocialIdentity(Network.X, "6666", "winbig", "Win Big", null, 3, false);
    static final Instant WROTE = Instant.parse("2026-11-24T10:00:00Z");

    final RecordingHost host = new RecordingHost();
    final Database db = TestDatabase.open();
    final TextModel model = new TextModel();
    final Triage triage = new Triage(TriageRules::defaults, model);
    final Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), triage, Clock.systemUTC());
    final TriageTraining training = new TriageTraining(db, model, Clock.systemUTC());

    @AfterEach
    void close() {
        db.close();
    }

    static InboundMessage tweet(String id, SocialIdentity author, String text, String inReplyTo) {
        return new InboundMessage(Network.X, id, author, text, WROTE, inReplyTo, "10", Visibility.PUBLIC, null);
    }

    @Test
    void noiseIsKeptWithItsReasonsAndNeverTicketed() {
        intake.receive(List.of(tweet("10", SPAMMER, "@acme Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone", null)));
        intake.filePending(10);

        assertTrue(host.tickets.isEmpty());
        assertFalse(host.calls.contains("customer"), "noise never creates a help-desk user");
        LedgerEntry e = db.read(em -> em.find(LedgerEntry.class, "x:10"));
        assertEquals(LedgerState.FILTERED, e.state());
        assertTrue(e.lastError().contains("giveaway"), e.lastError());
        TriageRecord r = db.read(em -> em.find(TriageRecord.class, "x:10"));
        assertFalse(r.ticketed());
        assertTrue(r.noise().contains("giveaway"));
        FilteredMessages filtered = new FilteredMessages(db);
        assertEquals(1, filtered.count());
        assertEquals("x:10", filtered.since(Instant.EPOCH, 10).get(0).key());
    }

    @Test
    void filteredNoiseIsListedInTheHelpDesksDailyDigestOnceEach() {
        SocialIdentity other = new SocialIdentity(Network.X, "6667", "freecoins", "Free Coins", null, 0, false);
        intake.receive(List.of(tweet("10", SPAMMER, "@acme Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone", null),
                new InboundMessage(Network.X, "11", other, "Earn $500 a day from home!!! check my profile <b>now</b>", WROTE, null, "11",
                        Visibility.PUBLIC, "https://x.com/freecoins/status/11")));
        intake.filePending(10);
        NoiseDigest digest = new NoiseDigest(db, host, Clock.systemUTC());

        assertEquals(2, digest.publish());
        assertEquals(1, host.alerts.size(), "one digest ticket for the day");
        String text = host.alerts.values().iterator().next();
        assertTrue(text.startsWith("Filtered as noise on "), text);
        assertTrue(text.contains("x:10  @winbig") && text.contains("giveaway") && text.contains("socialcare:promote x:10"), text);
        assertTrue(text.contains("x:11  @freecoins") && text.contains("https://x.com/freecoins/status/11"), text);
        assertEquals(0, digest.publish(), "each message once");

        intake.receive(List.of(tweet("12", SPAMMER, "f4f follow4follow followback winbig", null)));
        intake.filePending(10);
        assertEquals(1, digest.publish());
        assertEquals(1, host.alerts.size(), "later messages of the day are comments on the same ticket");
        long ticket = host.alerts.keySet().iterator().next();
        assertTrue(host.comments.get(ticket).get(0).contains("x:12"), host.comments.toString());
    }

    @Test
    void aCustomerWhoPostsTheirCardInPublicGetsTheTicketFlaggedAndANudgeSuggested() {
        intake.receive(List.of(tweet("10", ALICE, "@acme charged twice on 4111 1111 1111 1111, fix it", null)));
        intake.filePending(10);
        assertEquals("Yes", host.ticketFields.get(1L).get(TicketField.PERSONAL_DATA_POSTED));
        String comment = host.comments.get(1L).get(0);
        assertTrue(comment.contains("@alice please don't share card details publicly"), comment);
        assertFalse(comment.contains("4111 1111 1111 1111"), "the comment never repeats the number");
    }

    @Test
    void aComplaintOpensATicketRoutedAsTriageDecided() {
        intake.receive(List.of(tweet("10", ALICE, "@acme my parcel is delayed again and nobody answers. Terrible.", null)));
        intake.filePending(10);

        NewTicket t = host.tickets.get(1L);
        assertEquals("Social", t.routing().queue());
        assertEquals(90, t.routing().priority());
        assertEquals(WROTE.plus(Duration.ofMinutes(30)), t.routing().due(), "the SLA clock starts when the customer wrote");
        assertEquals("P1", t.customFields().get(TicketField.PRIORITY));
        assertEquals("Delay", t.customFields().get(TicketField.CATEGORY));
        assertEquals("negative", t.customFields().get(TicketField.SENTIMENT));
        assertEquals("complaint", t.customFields().get(TicketField.CONTACT_TYPE));
        assertEquals("No", t.customFields().get(TicketField.APPROVAL_REQUIRED));
        assertTrue(t.customFields().get(TicketField.TRIAGE).contains("dissatisfaction"), t.customFields().get(TicketField.TRIAGE));
        TriageRecord r = db.read(em -> em.find(TriageRecord.class, "x:10"));
        assertTrue(r.ticketed());
        assertEquals(Tier.P1, r.tier());
    }

    @Test
    void aCustomersNextWordsAreNeverFilteredAsNoise() {
        intake.receive(List.of(tweet("10", ALICE, "@acme my order never arrived", null)));
        intake.filePending(10);
        intake.receive(List.of(tweet("11", ALICE, "@acme #fail #acme #delivery #again #angry https://t.co/a https://t.co/b https://t.co/c", "10")));
        intake.filePending(10);

        assertEquals(List.of("10", "11"), host.messages.get(1L));
        assertEquals(LedgerState.FILED, db.read(em -> em.find(LedgerEntry.class, "x:11")).state());
    }

    @Test
    void aValuedCustomerIsRaisedOneTier() {
        host.valued.add("x:2001");
        intake.receive(List.of(tweet("10", ALICE, "@acme thanks, the new app is lovely", null)));
        intake.filePending(10);

        assertEquals("P1", host.tickets.get(1L).customFields().get(TicketField.PRIORITY), "praise is P2; a VIP's, P1");
        assertTrue(host.tickets.get(1L).customFields().get(TicketField.TRIAGE).contains("VIP"));
    }

    @Test
    void aPromotedMessageIsTicketedAndTeachesTriageItWasNotNoise() {
        intake.receive(List.of(tweet("10", SPAMMER, "@acme Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone", null)));
        intake.filePending(10);

        training.promote("x:10");
        intake.filePending(10);

        assertEquals(1, host.tickets.size(), "filed whatever triage says");
        assertNotNull(host.tickets.get(1L).customFields().get(TicketField.PRIORITY), "and routed like any ticket");
        TriageLabel label = db.read(em -> em.find(TriageLabel.class, "promoted:x:10"));
        assertEquals(Boolean.FALSE, label.noise());
        assertThrows(IllegalArgumentException.class, () -> training.promote("x:10"), "only filtered messages");
        assertThrows(IllegalArgumentException.class, () -> training.promote("x:nope"));
    }
}
