package org.socialcarebridge.triage;

import java.util.List;

/**
 * Everything triage read from one message, before any rule is applied. Recorded with the message.
 *
 * @param noise           why the message looks like noise (spam, link farm, giveaway, marketing,
 *                        retweet, bot-like account), each reason naming what was seen; empty: not noise
 * @param sentimentScore  -1 (very negative) .. +1 (very positive)
 * @param sentimentSource what decided the sentiment: "lexicon", or "learned" when the model trained
 *                        on the desk's corrections was surer
 * @param language        ISO 639-1 code ("en"), or "und" when it cannot be told
 * @param crisisWords     urgency and crisis words found (outage, injured, lawyer…), as written in the list
 * @param topics          the administrator's categories whose keywords the text contains, in the
 *                        rules file's order
 * @param learnedCategory the learned model's category, or null when it has not learnt enough
 */
public record Signals(List<String> noise, ContactType contactType, Sentiment sentiment, double sentimentScore,
                      String sentimentSource, String language, List<String> crisisWords, long followers,
                      boolean verified, boolean vip, List<String> topics, Prediction learnedCategory) {
    public Signals {
        noise = List.copyOf(noise);
        crisisWords = List.copyOf(crisisWords);
        topics = List.copyOf(topics);
    }

    public boolean isNoise() {
        return !noise.isEmpty();
    }
}
