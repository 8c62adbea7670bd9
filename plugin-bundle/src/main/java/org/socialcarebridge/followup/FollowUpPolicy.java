package org.socialcarebridge.followup;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the plugin does after an agent resolves a social ticket (the administrator's
 * {@code etc/org.socialcarebridge.followup.cfg}).
 *
 * @param closing           post a short public closing reply in the thread when the conversation began in public
 * @param closingText       its text (the customer's @handle is put in front by the reply rules)
 * @param survey            ask for a 1-5 satisfaction score by direct message
 * @param surveyDelay       how long after the resolution the survey goes out
 * @param surveySampling    the share of resolutions that get a survey, 0-100
 * @param surveyCap         at most one survey per customer in this long
 * @param minAgentReplies   a survey only after at least this many agent replies reached the customer
 * @param surveyText        the survey's text
 * @param answerWindow      the customer's first direct message this long after the survey is its answer
 * @param checkInCategories Social Category values whose tickets get a check-in (any case); empty: none
 * @param checkInAfter      how long after the resolution the check-in goes out
 * @param checkInText       its text
 * @param lowScoreGroup     the group a low score (1-2) or an angry answer reopens the ticket for
 */
public record FollowUpPolicy(boolean closing, String closingText, boolean survey, Duration surveyDelay, int surveySampling,
                             Duration surveyCap, int minAgentReplies, String surveyText, Duration answerWindow,
                             Set<String> checkInCategories, Duration checkInAfter, String checkInText, String lowScoreGroup) {
    public static final String CLOSING_TEXT = "Glad we could sort this out. Thanks for getting in touch!";
    public static final String SURVEY_TEXT = "Thanks for getting in touch. How would you rate our help, from 1 (poor)"
            + " to 5 (great)? Just reply with a number.";
    public static final String CHECK_IN_TEXT = "Just checking in: is everything still working? Reply here if anything"
            + " is still not right.";

    public FollowUpPolicy {
        if (surveySampling < 0 || surveySampling > 100) {
            throw new IllegalArgumentException("survey sampling is a percentage 0-100, not " + surveySampling);
        }
        checkInCategories = checkInCategories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** A closing reply and a survey ten minutes later for every resolution, no check-ins. */
    public static FollowUpPolicy defaults() {
        return new FollowUpPolicy(true, CLOSING_TEXT, true, Duration.ofMinutes(10), 100, Duration.ofDays(30), 1,
                SURVEY_TEXT, Duration.ofDays(7), Set.of(), Duration.ofDays(3), CHECK_IN_TEXT, "Social Team Leads");
    }

    /** Whether tickets of this category get a check-in. */
    public boolean checksIn(String category) {
        return category != null && checkInCategories.contains(category.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether this resolution is in the sample. Decided from the resolution's id, so reading it again
     * after a restart decides the same.
     */
    public boolean samples(long resolutionTransactionId) {
        long mixed = resolutionTransactionId * 0x9E3779B97F4A7C15L;
        return Math.floorMod(mixed ^ (mixed >>> 29), 100) < surveySampling;
    }
}
