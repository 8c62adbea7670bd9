package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.followup.FollowUpPolicy;
import org.socialcarebridge.settings.InvalidSettingsException;

class FollowUpSettingsTest {
    @Test
    void noFileMeansAClosingAndASurveyTenMinutesLater() {
        FollowUpPolicy p = FollowUpSettings.from(Map.of());
        assertTrue(p.closing() && p.survey());
        assertEquals(Duration.ofMinutes(10), p.surveyDelay());
        assertEquals(100, p.surveySampling());
        assertFalse(p.checksIn("Delay"));
    }

    @Test
    void readsEveryKey() {
        FollowUpPolicy p = FollowUpSettings.from(Map.of("closing", "off", "survey.delay", "2s", "survey.sampling", "25",
                "survey.cap", "14d", "survey.minAgentReplies", "2", "checkIn.categories", "Outage, Lost or Damaged",
                "checkIn.after", "5d", "lowScore.group", "Social Escalations Team"));
        assertFalse(p.closing());
        assertEquals(Duration.ofSeconds(2), p.surveyDelay());
        assertEquals(25, p.surveySampling());
        assertEquals(Duration.ofDays(14), p.surveyCap());
        assertEquals(2, p.minAgentReplies());
        assertTrue(p.checksIn("outage") && p.checksIn("Lost or Damaged") && !p.checksIn("Delay"));
        assertEquals(Duration.ofDays(5), p.checkInAfter());
        assertEquals("Social Escalations Team", p.lowScoreGroup());
    }

    @Test
    void aWrongValueOrAnUnknownKeyIsRefusedWithTheKeyAndTheFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> FollowUpSettings.from(Map.of("survey.sampling", "150", "survey.dealy", "5m", "closing", "maybe")));
        String all = e.problems().toString();
        assertTrue(all.contains("survey.sampling") && all.contains("150") && all.contains("0 to 100"), all);
        assertTrue(all.contains("survey.dealy"), all);
        assertTrue(all.contains("closing") && all.contains("[off, on]"), all);
    }

    @Test
    void surveyTemplatesAreNetworkTemplatePairs() {
        assertEquals(Optional.empty(), FollowUpSettings.from(Map.of()).surveyTemplate(Network.fromKey("whatsapp")),
                "none by default: after the window the survey is skipped");
        FollowUpPolicy p = FollowUpSettings.from(Map.of("survey.templates", " whatsapp:csat_survey , other:rate_us_2"));
        assertEquals(Optional.of("csat_survey"), p.surveyTemplate(Network.fromKey("whatsapp")));
        assertEquals(Optional.of("rate_us_2"), p.surveyTemplate(Network.fromKey("other")));
        assertEquals(Optional.empty(), p.surveyTemplate(Network.X));
    }

    @Test
    void aSurveyTemplateThatIsNoPairOrNoTemplatesNameIsRefusedWithTheFix() {
        for (String wrong : List.of("csat_survey", "whatsapp:", "whatsapp:CSAT Survey", "Whats App:csat",
                "whatsapp:a,whatsapp:b")) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> FollowUpSettings.from(Map.of("survey.templates", wrong)), wrong);
            String all = e.problems().toString();
            assertTrue(all.contains("survey.templates") && all.contains("e.g. whatsapp:csat_survey"), all);
        }
    }

    @Test
    void samplingDecidesTheSameForTheSameResolutionAndHitsRoughlyTheShare() {
        FollowUpPolicy p = FollowUpSettings.from(Map.of("survey.sampling", "30"));
        int sampled = 0;
        for (long txn = 1; txn <= 10_000; txn++) {
            if (p.samples(txn)) {
                sampled++;
            }
            assertEquals(p.samples(txn), p.samples(txn));
        }
        assertTrue(sampled > 2_700 && sampled < 3_300, "about 30% of 10,000: " + sampled);
    }
}
