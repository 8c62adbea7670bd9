package org.socialcarebridge.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.followup.FollowUpPolicy;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.followup.cfg}: what happens after an agent resolves a social ticket.
 * No file: a public closing reply, a survey ten minutes later to every customer with an agent reply at
 * most once in 30 days, no check-ins, no survey templates (after a network's messaging window the survey is
 * skipped; {@code survey.templates = whatsapp:csat_survey} sends it as that approved template instead). A wrong value stops the follow-ups (with one line naming the key
 * and the fix) until it is corrected; resolutions are read again then, nothing is lost.
 */
final class FollowUpSettings {
    static final String PID = "org.socialcarebridge.followup";
    static final Set<String> KEYS = Set.of("closing", "closing.text", "survey", "survey.delay", "survey.sampling",
            "survey.cap", "survey.minAgentReplies", "survey.text", "survey.answerWindow", "survey.templates", "checkIn.categories",
            "checkIn.after", "checkIn.text", "lowScore.group");
    private static final Set<String> SWITCH = Set.of("on", "off");

    private FollowUpSettings() {
    }

    static FollowUpPolicy from(Map<String, ?> values) {
        FollowUpPolicy d = FollowUpPolicy.defaults();
        Settings s = new Settings(PID, values);
        boolean closing = "on".equals(s.choice("closing", "on", SWITCH, "post a public closing reply after resolution"));
        String closingText = s.text("closing.text", d.closingText(), "write the closing reply's text");
        boolean survey = "on".equals(s.choice("survey", "on", SWITCH, "send a satisfaction survey after resolution"));
        Duration delay = s.duration("survey.delay", d.surveyDelay(), Duration.ZERO, Duration.ofDays(7));
        int sampling = s.integer("survey.sampling", d.surveySampling(), 0, 100);
        Duration cap = s.duration("survey.cap", d.surveyCap(), Duration.ZERO, Duration.ofDays(366));
        int minReplies = s.integer("survey.minAgentReplies", d.minAgentReplies(), 0, 100);
        String surveyText = s.text("survey.text", d.surveyText(), "write the survey's question, asking for 1 to 5");
        Duration answerWindow = s.duration("survey.answerWindow", d.answerWindow(), Duration.ofMinutes(1), Duration.ofDays(30));
        String templateList = s.text("survey.templates", "", "");
        Map<Network, String> templates = Map.of();
        try {
            templates = FollowUpPolicy.surveyTemplates(templateList);
        } catch (IllegalArgumentException e) {
            s.problem("survey.templates", e.getMessage(), "list network:template pairs separated by commas, e.g."
                    + " whatsapp:csat_survey");
        }
        String categories = s.text("checkIn.categories", "", "");
        Duration checkInAfter = s.duration("checkIn.after", d.checkInAfter(), Duration.ZERO, Duration.ofDays(90));
        String checkInText = s.text("checkIn.text", d.checkInText(), "write the check-in's text");
        String group = s.text("lowScore.group", d.lowScoreGroup(), "name the RT group, e.g. Social Team Leads");
        s.allowOnly(KEYS);
        s.check();
        Set<String> checkIn = Arrays.stream(categories.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
        return new FollowUpPolicy(closing, closingText, survey, delay, sampling, cap, minReplies, surveyText, answerWindow,
                checkIn, checkInAfter, checkInText, group, templates);
    }
}
