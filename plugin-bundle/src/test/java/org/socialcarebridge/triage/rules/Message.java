package org.socialcarebridge.triage.rules;

import java.util.ArrayList;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Prediction;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.TriageInput;

/** A message and its signals for tests: a neutral public X post unless told otherwise. */
final class Message {
    String text = "";
    Network network = Network.X;
    Visibility visibility = Visibility.PUBLIC;
    List<String> noise = new ArrayList<>();
    ContactType contactType = ContactType.OTHER;
    Sentiment sentiment = Sentiment.NEUTRAL;
    double score;
    String language = "en";
    List<String> crisisWords = new ArrayList<>();
    long followers = 120;
    boolean verified;
    boolean vip;
    List<String> topics;
    Prediction learned;

    static Message of(String text) {
        Message m = new Message();
        m.text = text;
        return m;
    }

    Message contact(ContactType t) {
        contactType = t;
        return this;
    }

    Message sentiment(Sentiment s, double score) {
        this.sentiment = s;
        this.score = score;
        return this;
    }

    Message noise(String... reasons) {
        noise.addAll(List.of(reasons));
        return this;
    }

    Message crisis(String... words) {
        crisisWords.addAll(List.of(words));
        return this;
    }

    Message followers(long n) {
        followers = n;
        return this;
    }

    Message verified() {
        verified = true;
        return this;
    }

    Message vip() {
        vip = true;
        return this;
    }

    Message language(String l) {
        language = l;
        return this;
    }

    Message on(Network n, Visibility v) {
        network = n;
        visibility = v;
        return this;
    }

    Message topics(String... t) {
        topics = List.of(t);
        return this;
    }

    Message learned(String label, double confidence) {
        learned = new Prediction(label, confidence);
        return this;
    }

    TriageInput input() {
        return new TriageInput(text, network, visibility, "someone", followers, verified, vip);
    }

    /** Topics as the facade fills them: from the rules' keywords, unless the test set them. */
    Signals signals(TriageRules rules) {
        return new Signals(noise, contactType, sentiment, score, "lexicon", language, crisisWords, followers, verified,
                vip, topics != null ? topics : rules.topics(text), learned);
    }
}
