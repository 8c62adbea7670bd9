package org.socialcarebridge.triage.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.learn.SentimentReader;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.TriageRules;
import org.socialcarebridge.triage.sentiment.SentimentLexicon;
import org.socialcarebridge.triage.sentiment.SentimentReading;
import org.socialcarebridge.triage.signal.ContactTypeSignal;
import org.socialcarebridge.triage.signal.CrisisSignal;
import org.socialcarebridge.triage.signal.LanguageSignal;
import org.socialcarebridge.triage.signal.NoiseSignal;

/**
 * The triage engine: reads every signal of a message, then lets the administrator's rules decide
 * whether it becomes work, how urgent it is, who gets it and by when. Thread-safe; the rules are read
 * afresh on every decision, so a reloaded rules file applies to the next message.
 */
public final class Triage {
    private final Supplier<TriageRules> rules;
    private final TextModel model;
    private final SentimentReader sentiment;
    private final NoiseSignal noise = new NoiseSignal();
    private final ContactTypeSignal contactType = new ContactTypeSignal();
    private final LanguageSignal language = new LanguageSignal();
    private final CrisisSignal defaultCrisis = new CrisisSignal(CrisisSignal.defaultWords());
    /** The crisis words of the rules in force (they may list their own), built once per rules version. */
    private volatile CrisisWordsOf crisis;

    private record CrisisWordsOf(TriageRules rules, CrisisSignal signal) {
    }

    /** @param model what the desk taught (agents' corrections, imported labels); may know nothing yet */
    public Triage(Supplier<TriageRules> rules, TextModel model) {
        this.rules = rules;
        this.model = model;
        this.sentiment = new SentimentReader(new SentimentLexicon(), model);
    }

    /** The built-in default rules and a model that has learnt nothing. */
    public static Triage withDefaults() {
        TriageRules defaults = TriageRules.defaults();
        return new Triage(() -> defaults, new TextModel());
    }

    public TriageDecision decide(TriageInput in, Instant now) {
        TriageRules r = rules.get();
        return r.decide(in, signals(in, r), now);
    }

    /** Every signal of the message, under the given rules (their topic categories and crisis words). */
    public Signals signals(TriageInput in, TriageRules r) {
        String text = in.text();
        List<String> noiseReasons = noise.read(in);
        var learntNoise = model.noise(text);
        if (learntNoise.isPresent()) {
            noiseReasons = new ArrayList<>(noiseReasons);
            noiseReasons.add(String.format(Locale.ROOT, "learnt: like messages agents marked as noise (%.0f%% sure)",
                    learntNoise.get().confidence() * 100));
        }
        SentimentReading feeling = sentiment.read(text);
        List<String> crisisWords = crisisOf(r).read(text);
        ContactType type = contactType.read(text, feeling.label(), crisisWords);
        return new Signals(noiseReasons, type, feeling.label(), feeling.score(), feeling.source(), language.read(text),
                crisisWords, in.followers(), in.verified(), in.vip(), r.topics(text), model.category(text).orElse(null));
    }

    public TriageRules rules() {
        return rules.get();
    }

    public TextModel model() {
        return model;
    }

    private CrisisSignal crisisOf(TriageRules r) {
        if (r.crisisWords().isEmpty()) {
            return defaultCrisis;
        }
        CrisisWordsOf current = crisis;
        if (current == null || current.rules() != r) {
            current = new CrisisWordsOf(r, new CrisisSignal(r.crisisWords()));
            crisis = current;
        }
        return current.signal();
    }
}
