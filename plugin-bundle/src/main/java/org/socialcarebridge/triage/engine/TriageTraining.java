package org.socialcarebridge.triage.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.conversation.FilteredMessages;
import org.socialcarebridge.host.DeskActivity;
import org.socialcarebridge.host.FieldChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.TransactionFeed;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.eval.LabelledExample;
import org.socialcarebridge.triage.learn.TextModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How triage learns from the desk: an agent who corrects Social Category or Social Sentiment, or sets
 * Social Noise, on a ticket teaches the model with the message that opened the ticket; an
 * administrator can import a labelled CSV. Labels are stored, and the model is rebuilt from them on
 * every start, so nothing is retrained by hand and nothing learnt is shipped. The model only informs
 * signals: an explicit rule always wins (see the rules file's category precedence).
 */
public final class TriageTraining {
    private static final Logger LOG = LoggerFactory.getLogger(TriageTraining.class);
    static final String CURSOR = "rt:corrections";
    static final Set<TicketField> FIELDS = Set.of(TicketField.CATEGORY, TicketField.SENTIMENT, TicketField.NOISE);

    private final Database db;
    private final TrainingStore store;
    private final TextModel model;
    private final Clock clock;
    private final FilteredMessages filtered;

    public TriageTraining(Database db, TextModel model, Clock clock) {
        this.db = db;
        this.store = new TrainingStore(db);
        this.model = model;
        this.clock = clock;
        this.filtered = new FilteredMessages(db);
    }

    /** Teaches the model every stored label (at start); answers how many. */
    public int restore() {
        rekeyDeskLabels();
        List<TriageLabel> labels = store.labels();
        labels.forEach(this::teach);
        return labels.size();
    }

    /*
     * Agents' corrections were keyed by the help desk's name of the field before the domain spoke
     * TicketField ("desk:12:" and RT's name); key them by the field, once, so a later correction still
     * replaces the earlier and the reports still find the corrected category. A desk label holds exactly
     * one of category, sentiment and noise, which says its field.
     */
    private void rekeyDeskLabels() {
        int rekeyed = store.rekeyDeskLabels(TriageTraining::keyByField);
        if (rekeyed > 0) {
            LOG.info("Triage re-keyed {} agent corrections by field", rekeyed);
        }
    }

    /** The agent's correction's key by its field, or null when its old key says no ticket or it holds no field. */
    private static String keyByField(TriageLabel old) {
        String rest = old.key().substring(TriageLabel.DESK.length());
        int colon = rest.indexOf(':');
        TicketField field = old.category() != null ? TicketField.CATEGORY : old.sentiment() != null
                ? TicketField.SENTIMENT : old.noise() != null ? TicketField.NOISE : null;
        if (colon <= 0 || field == null || !rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return TriageLabel.deskKey(Long.parseLong(rest.substring(0, colon)), field);
    }

    public long labels() {
        return store.count();
    }

    /**
     * Reads the corrections agents made in the help desk since the last look and learns from them. Starts
     * at the help desk's newest transaction on a fresh install. Answers how many were learnt.
     */
    public int learnFromDesk(DeskActivity host) {
        return new TransactionFeed<>(db, CURSOR, host::latestTransactionId,
                (after, limit) -> host.fieldChangesAfter(after, FIELDS, limit), FieldChange::transactionId, clock).read(this::correct);
    }

    /** One agent's correction; answers false when the ticket holds no message the plugin filed, or the value means nothing. */
    public boolean correct(FieldChange change) {
        String text = store.firstCustomerText(change.ticketId()).orElse(null);
        if (text == null || change.value() == null || change.value().isBlank()) {
            return false;
        }
        String key = TriageLabel.deskKey(change.ticketId(), change.field());
        TriageLabel label = new TriageLabel(key, text, "agent correction on ticket " + change.ticketId(), clock.instant());
        switch (change.field()) {
            case CATEGORY -> label.category(change.value().strip());
            case SENTIMENT -> {
                Sentiment s = Sentiment.fromKey(change.value());
                if (s == null) {
                    return false;
                }
                label.sentiment(s);
            }
            case NOISE -> label.noise("yes".equalsIgnoreCase(change.value().strip()));
            default -> {
                return false;
            }
        }
        store.save(label);
        teach(label);
        LOG.info("Triage learnt from ticket {}: {} = {}", change.ticketId(), change.shownAs(), change.value());
        return true;
    }

    /**
     * A supervisor says triage was wrong to filter this message: it is filed as a ticket on the next
     * pass, and triage learns that messages like it are not noise.
     */
    public void promote(String messageKey) {
        String text = filtered.promote(messageKey);
        // Its noise decision goes; the intake decides again when it files it. Should this write be lost,
        // the intake's decision replaces the old one all the same (TriageRecord is merged by key).
        store.forgetDecision(messageKey);
        TriageLabel label = new TriageLabel("promoted:" + messageKey, text, "promoted from the filtered noise", clock.instant());
        label.noise(false);
        store.save(label);
        teach(label);
    }

    /** Stores and learns labelled examples an administrator imported (keyed by text, so importing twice changes nothing). */
    public int importExamples(List<LabelledExample> examples, String source) {
        int fresh = 0;
        for (LabelledExample e : examples) {
            String key = "import:" + sha256(e.text());
            TriageLabel label = new TriageLabel(key, e.text(), "imported from " + source, clock.instant());
            label.sentiment(e.sentiment());
            label.category(e.category());
            boolean added = store.add(label);
            if (added) {
                teach(label);
                fresh++;
            }
        }
        return fresh;
    }

    private void teach(TriageLabel label) {
        if (label.sentiment() != null) {
            model.learnSentiment(label.text(), label.sentiment());
        }
        if (label.category() != null && !label.category().isBlank()) {
            model.learnCategory(label.text(), label.category());
        }
        if (label.noise() != null) {
            model.learnNoise(label.text(), label.noise());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }
}
