package org.socialcarebridge.triage.learn;

import org.socialcarebridge.triage.Sentiment;

/** A model trained past its minimum on small hand-written examples. */
final class TextModelTestData {
    private static final String[] NEGATIVE = {"my parcel is late again", "the app keeps crashing",
        "worst support ever", "still no refund", "charged twice and nobody answers"};
    private static final String[] NEUTRAL = {"what time do you open", "is the shop open on sunday",
        "how do I change my address", "do you ship to canada", "where can I find the manual"};
    private static final String[] POSITIVE = {"thanks for the quick help", "love the new app", "great service today",
        "the agent was lovely", "awesome delivery, thank you"};

    private TextModelTestData() {
    }

    static TextModel trained() {
        TextModel m = new TextModel();
        for (int r = 0; m.sentimentExamples() < TextModel.MIN_SENTIMENT_EXAMPLES; r++) {
            for (int i = 0; i < 5; i++) {
                m.learnSentiment(NEGATIVE[i] + " " + r, Sentiment.NEGATIVE);
                m.learnSentiment(NEUTRAL[i] + " " + r, Sentiment.NEUTRAL);
                m.learnSentiment(POSITIVE[i] + " " + r, Sentiment.POSITIVE);
            }
        }
        return m;
    }
}
