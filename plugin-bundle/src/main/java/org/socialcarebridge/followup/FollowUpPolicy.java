package org.socialcarebridge.followup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.Network;

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
 * @param surveyTemplates   per network, the approved template the survey goes as once the messaging window has
 *                          closed (WhatsApp: {@code csat_survey}); a network not listed skips the survey then
 */
public record FollowUpPolicy(boolean closing, String closingText, boolean survey, Duration surveyDelay, int surveySampling,
                             Duration surveyCap, int minAgentReplies, String surveyText, Duration answerWindow,
                             Set<String> checkInCategories, Duration checkInAfter, String checkInText, String lowScoreGroup,
                             Map<Network, String> surveyTemplates) {
    public static final String CLOSING_TEXT = "Glad we could sort this out. Thanks for getting in touch!";
    public static final String SURVEY_TEXT = "Thanks for getting in touch. How would you rate our help, from 1 (poor)"
            + " to 5 (great)? Just reply with a number.";
    public static final String CHECK_IN_TEXT = "Just checking in: is everything still working? Reply here if anything"
            + " is still not right.";

    public FollowUpPolicy {
        if (surveySampling < 0 || surveySampling > 100) {
            throw new IllegalArgumentException("survey sampling is a percentage 0-100, not " + surveySampling);
        }
        surveyTemplates = Map.copyOf(surveyTemplates);
        surveyTemplates.forEach((network, name) -> {
            if (!MessageTemplate.isName(name)) {
                throw new IllegalArgumentException("The survey template for " + network.displayName() + " is a template's"
                        + " name (lower-case letters, digits and _), not '" + name + "'");
            }
        });
        checkInCategories = checkInCategories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Without survey templates: a survey after the messaging window is skipped. */
    public FollowUpPolicy(boolean closing, String closingText, boolean survey, Duration surveyDelay, int surveySampling,
                          Duration surveyCap, int minAgentReplies, String surveyText, Duration answerWindow,
                          Set<String> checkInCategories, Duration checkInAfter, String checkInText, String lowScoreGroup) {
        this(closing, closingText, survey, surveyDelay, surveySampling, surveyCap, minAgentReplies, surveyText,
                answerWindow, checkInCategories, checkInAfter, checkInText, lowScoreGroup, Map.of());
    }

    /** A closing reply and a survey ten minutes later for every resolution, no check-ins, no survey templates. */
    public static FollowUpPolicy defaults() {
        return new FollowUpPolicy(true, CLOSING_TEXT, true, Duration.ofMinutes(10), 100, Duration.ofDays(30), 1,
                SURVEY_TEXT, Duration.ofDays(7), Set.of(), Duration.ofDays(3), CHECK_IN_TEXT, "Social Team Leads");
    }

    /** The same policy with these survey templates. */
    public FollowUpPolicy withSurveyTemplates(Map<Network, String> templates) {
        return new FollowUpPolicy(closing, closingText, survey, surveyDelay, surveySampling, surveyCap, minAgentReplies,
                surveyText, answerWindow, checkInCategories, checkInAfter, checkInText, lowScoreGroup, templates);
    }

    /** The approved template the survey goes as on this network after the messaging window, if any. */
    public Optional<String> surveyTemplate(Network network) {
        return Optional.ofNullable(surveyTemplates.get(network));
    }

    /**
     * Survey templates as the administrator lists them: {@code network:template} pairs separated by commas,
     * e.g. {@code whatsapp:csat_survey}; blank: none.
     *
     * @throws IllegalArgumentException naming the pair that is not one, or a network listed twice
     */
    public static Map<Network, String> surveyTemplates(String list) {
        Map<Network, String> templates = new LinkedHashMap<>();
        for (String pair : list == null ? new String[0] : list.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            String key = colon < 0 ? "" : p.substring(0, colon).strip();
            String name = colon < 0 ? "" : p.substring(colon + 1).strip();
            Network network;
            try {
                network = Network.fromKey(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + p + "' is no network:template pair");
            }
            if (!MessageTemplate.isName(name)) {
                throw new IllegalArgumentException("'" + p + "' names no template (a template's name is lower-case"
                        + " letters, digits and _)");
            }
            if (templates.putIfAbsent(network, name) != null) {
                throw new IllegalArgumentException("'" + key + "' is listed twice; give each network one survey template");
            }
        }
        return templates;
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
