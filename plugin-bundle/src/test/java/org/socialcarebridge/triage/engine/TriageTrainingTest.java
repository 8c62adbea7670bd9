package org.socialcarebridge.triage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.FieldChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.eval.LabelledExample;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.TriageRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Learning from the desk: corrections, imports and promotions become stored labels the model is rebuilt from. */
class TriageTrainingTest {
    final RecordingHost host = new RecordingHost();
    final Database db = TestDatabase.open();

    @AfterEach
    void close() {
        db.close();
    }

    private long fileTicket(String id, String text) {
        TextModel model = new TextModel();
        Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), new Triage(TriageRules::defaults, model), Clock.systemUTC());
        SocialIdentity who = new SocialIdentity(Network.X, "20" + id, "c" + id, null, null, 10, false);
        intake.receive(List.of(new InboundMessage(Network.X, id, who, text, Instant.now(), null, id, Visibility.PUBLIC, null)));
        intake.filePending(10);
        return host.tickets.size();
    }

    @Test
    void correctionsKeyedByTheHelpDesksFieldNameAreKeyedByTheFieldOnceOnRestore() {
        db.writing(em -> {
            TriageLabel old = new TriageLabel("desk:7:Social Category", "my parcel is late", "agent correction on ticket 7",
                    Instant.parse("2026-11-01T10:00:00Z"));
            old.category("Delay");
            em.persist(old);
        });
        TriageTraining training = new TriageTraining(db, new TextModel(), Clock.systemUTC());

        assertEquals(1, training.restore());
        assertEquals(1, training.restore(), "once: a second start finds it keyed already");
        assertNull(db.read(em -> em.find(TriageLabel.class, "desk:7:Social Category")));
        TriageLabel rekeyed = db.read(em -> em.find(TriageLabel.class, TriageLabel.deskKey(7, TicketField.CATEGORY)));
        assertEquals("Delay", rekeyed.category());
        assertEquals("my parcel is late", rekeyed.text());
    }

    @Test
    void anAgentsCorrectionIsStoredAndLearntFromTheMessageThatOpenedTheTicket() {
        long ticket = fileTicket("10", "@acme I cannot sign in to the app since the update");
        TextModel model = new TextModel();
        TriageTraining training = new TriageTraining(db, model, Clock.systemUTC());
        host.fieldChanges.add(new FieldChange(100, ticket, TicketField.CATEGORY, "Account", "agent"));
        host.fieldChanges.add(new FieldChange(101, ticket, TicketField.SENTIMENT, "negative", "agent"));
        host.fieldChanges.add(new FieldChange(102, ticket, TicketField.SENTIMENT, "furious", "agent")); // not a sentiment: ignored
        host.fieldChanges.add(new FieldChange(103, 999, TicketField.CATEGORY, "Account", "agent")); // no message of the plugin's

        assertEquals(0, training.learnFromDesk(host), "a fresh install starts at the desk's newest transaction");
        // RecordingHost's newest transaction is 0: every change above is after it.
        assertEquals(2, training.learnFromDesk(host));
        assertEquals(0, training.learnFromDesk(host), "each change is read once");
        assertEquals(2, training.labels());
        assertEquals(1, model.categoryExamples());
        assertEquals(1, model.sentimentExamples());

        // A later correction of the same field replaces the label; the model is rebuilt from labels on start.
        host.fieldChanges.add(new FieldChange(104, ticket, TicketField.CATEGORY, "Outage", "agent"));
        training.learnFromDesk(host);
        assertEquals(2, training.labels());
        TextModel restarted = new TextModel();
        assertEquals(2, new TriageTraining(db, restarted, Clock.systemUTC()).restore());
        assertEquals(1, restarted.categoryExamples());
    }

    @Test
    void importedLabelsAreLearntOnceAndEnoughOfThemMoveSentimentToTheLearntModel() {
        TextModel model = new TextModel();
        TriageTraining training = new TriageTraining(db, model, Clock.systemUTC());
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // Words the lexicon does not know, so only learning can tell them apart.
            examples.add(new LabelledExample("@acme the zorblat thing number " + i + " happened again", Sentiment.NEGATIVE, "Outage"));
            examples.add(new LabelledExample("@acme the quenzy thing number " + i + " happened again", Sentiment.POSITIVE, "Other"));
        }
        assertEquals(300, training.importExamples(examples, "labels.csv"));
        assertEquals(0, training.importExamples(examples, "labels.csv"), "importing twice changes nothing");

        Triage triage = new Triage(TriageRules::defaults, model);
        Signals zorblat = triage.signals(TriageInput.text("@acme the zorblat thing happened"), TriageRules.defaults());
        assertEquals("learned", zorblat.sentimentSource());
        assertEquals(Sentiment.NEGATIVE, zorblat.sentiment());
        Signals quenzy = triage.signals(TriageInput.text("@acme the quenzy thing happened"), TriageRules.defaults());
        assertEquals(Sentiment.POSITIVE, quenzy.sentiment());
        assertEquals("Outage", zorblat.learnedCategory().label());
    }

    @Test
    void theLearntModelNeverOverridesAnExplicitRule() {
        TextModel model = new TextModel();
        TriageTraining training = new TriageTraining(db, model, Clock.systemUTC());
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            examples.add(new LabelledExample("@acme my refund " + i + " is late", Sentiment.NEGATIVE, "Account"));
            examples.add(new LabelledExample("@acme the wifi box " + i + " blinks", Sentiment.NEGATIVE, "Outage"));
        }
        training.importExamples(examples, "labels.csv");
        Triage triage = new Triage(TriageRules::defaults, model);
        // The model has learnt "refund ... late" as Account; the rules' keywords say Delay first.
        TriageDecision d = triage.decide(TriageInput.text("@acme my refund is late"), Instant.now());
        assertEquals("Account", d.signals().learnedCategory().label());
        assertEquals("Delay", d.category());
    }

    @Test
    void noiseIsLearntOnlyFromBothKindsAndOnlyWhenVerySure() {
        TextModel model = new TextModel();
        for (int i = 0; i < 30; i++) {
            model.learnNoise("cheap watches replica rolex " + i + " best price dm", true);
        }
        assertTrue(model.noise("cheap watches replica rolex dm").isEmpty(), "noise examples alone teach nothing");
        for (int i = 0; i < 30; i++) {
            model.learnNoise("@acme my order " + i + " has not arrived", false);
        }
        assertTrue(model.noise("cheap watches replica rolex best price dm").isPresent());
        assertFalse(model.noise("@acme my order has not arrived").isPresent());
        Triage triage = new Triage(TriageRules::defaults, model);
        TriageDecision d = triage.decide(TriageInput.text("cheap watches replica rolex best price dm"), Instant.now());
        assertFalse(d.ticket());
        assertTrue(d.signals().noise().get(0).startsWith("learnt:"), d.signals().noise().toString());
    }
}
