package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.reply.AgentGroups;
import org.socialcarebridge.settings.InvalidSettingsException;

/** etc/org.socialcarebridge.reply.cfg: the shipped file reads cleanly; every wrong key says what to write. */
class ReplySettingsTest {
    /** With both shipped networks running, as the engine reads the file. */
    static ReplySettings read(Map<String, ?> values) {
        return ReplySettings.from(values, SampleChannels.BOTH);
    }

    @Test
    void theShippedFileIsValid() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("../descriptors/src/main/karaf/etc/org.socialcarebridge.reply.cfg"))) {
            p.load(in);
        }
        Map<String, Object> values = new HashMap<>();
        p.forEach((k, v) -> values.put((String) k, v));
        assertEquals(0, read(values).spotCheckPercent());
        assertEquals(AgentGroups.DEFAULT, read(values).agentGroups());
        assertTrue(values.containsKey("agentGroups"), "documented where administrators look");
    }

    @Test
    void aMessagingWindowNamesADeclaredNetworkOrTheProblemListsThem() {
        read(Map.of("dmWindow.mastodon", "24h", "dmWindow.x", "1h"));
        String all = assertThrows(InvalidSettingsException.class, () -> read(Map.of("dmWindow.facebook", "24h")))
                .problems().toString();
        assertTrue(all.contains("Setting dmWindow.facebook in etc/org.socialcarebridge.reply.cfg")
                && all.contains("no channel declares the network 'facebook'")
                && all.contains("use one of dmWindow.x, dmWindow.mastodon, or remove it"), all);
        String bad = assertThrows(InvalidSettingsException.class, () -> read(Map.of("dmWindow.X", "24h")))
                .problems().toString();
        assertTrue(bad.contains("Unknown network 'X'") && bad.contains("write dmWindow.<network key>, e.g. dmWindow.x"), bad);
    }

    @Test
    void readBeforeTheChannelsDeclareThemselvesTheFileIsCheckedAgainstThemOnceTheyHave() {
        Map<String, String> values = Map.of("dmWindow.facebook", "24h", "dmWindow.x", "24h",
                "moveToPrivate.template", "@{handle} " + "w".repeat(270));
        ReplySettings.from(values, Channels.none()); // the core reads the file before any channel attaches
        List<String> problems = ReplySettings.againstChannels(values, SampleChannels.BOTH);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("Setting dmWindow.facebook in etc/org.socialcarebridge.reply.cfg names the network 'facebook',"
                + " which no channel declares; use one of dmWindow.x, dmWindow.mastodon, or remove it", problems.get(0));
        assertTrue(problems.get(1).startsWith("Setting moveToPrivate.template in etc/org.socialcarebridge.reply.cfg: The"
                + " Move to private template is") && problems.get(1).contains("on X"), problems.get(1));
        assertEquals(List.of(), ReplySettings.againstChannels(Map.of("dmWindow.x", "24h"), SampleChannels.BOTH));
    }

    @Test
    void theAgentGroupsAreAListOfRtGroupNamesWithTheDefaultWhenUnset() {
        assertEquals(List.of("Social Agents", "Social Team Leads"), read(Map.of()).agentGroups().names());
        assertEquals(List.of("Social Agents", "Social Team Leads"), read(Map.of("agentGroups", " ")).agentGroups().names());
        assertEquals(List.of("Brand Voice", "Night Shift"),
                read(Map.of("agentGroups", " Brand Voice ,Night Shift, Brand Voice")).agentGroups().names());
    }

    @Test
    void aWrongAgentGroupsValueNamesTheFileTheKeyTheValueAndTheFix() {
        for (String value : new String[] {"Social Agents,, Social Team Leads", "Social Agents,", "x".repeat(201), "Social\tAgents"}) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> read(Map.of("agentGroups", value)), value);
            String all = e.problems().toString();
            assertTrue(all.contains("Setting agentGroups in etc/org.socialcarebridge.reply.cfg = '" + value.strip() + "'")
                    && all.contains("Fix: write RT group names separated by commas, e.g. Social Agents, Social Team Leads"), all);
        }
    }

    @Test
    void wrongValuesAreAllReportedWithTheKeyAndTheFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(Map.of(
                "approval.spotCheck", "120", "signature", "^{nickname}", "thread.maxParts", "0", "dmWindow.x", "forever",
                "aproval.spotCheck", "20")));
        String all = e.problems().toString();
        for (String key : new String[] {"approval.spotCheck", "signature", "thread.maxParts", "dmWindow.x", "aproval.spotCheck"}) {
            assertTrue(all.contains("Setting " + key + " in etc/org.socialcarebridge.reply.cfg"), key + " in " + all);
        }
        assertTrue(all.contains("nickname"), all);
    }

    @Test
    void theGuardsOwnKeysAreCheckedByTheGuard() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> read(Map.of("guard.pattern.order", "(a+)+", "guard.off", "emails")));
        String all = e.problems().toString();
        assertTrue(all.contains("guard.pattern.order") && all.contains("guard.off"), all);
    }
}
