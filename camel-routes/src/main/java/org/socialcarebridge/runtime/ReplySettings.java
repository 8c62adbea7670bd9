package org.socialcarebridge.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.reply.AgentGroups;
import org.socialcarebridge.reply.MoveToPrivate;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.Signature;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.reply.cfg}: how agents' replies are made and checked before they go
 * out. No file: the built-in guard, no signature, no numbered threads, nothing spot-checked, and the
 * default agent groups. A wrong value stops delivery (replies wait in the outbox) rather than let
 * replies out unchecked.
 *
 * @param spotCheckPercent the share of public replies held for a supervisor's review, 0-100
 * @param agentGroups      the RT groups whose members' replies may reach the networks
 */
record ReplySettings(int spotCheckPercent, ReplyPolicy policy, AgentGroups agentGroups) {
    static final String PID = "org.socialcarebridge.reply";
    static final Set<String> KEYS = Set.of("approval.spotCheck", "signature", "thread.maxParts", "moveToPrivate.template",
            "agentGroups");
    /** {@code dmWindow.<network key>}, e.g. {@code dmWindow.x}: any channel's network may have one. */
    static final String DM_WINDOW = "dmWindow.";
    /** RT keeps a group's name in 200 characters. */
    static final int GROUP_NAME_MAX = 200;

    /** @param channels the running channels: the Move to private template must fit a post on each */
    static ReplySettings from(Map<String, ?> values, Channels channels) {
        Map<String, Object> own = new HashMap<>(values);
        own.keySet().removeIf(k -> k.startsWith("guard.")); // the sensitive-data guard reads those
        Settings s = new Settings(PID, own);
        int spotCheck = s.integer("approval.spotCheck", 0, 0, 100);
        int maxParts = s.integer("thread.maxParts", 1, 1, 10);
        String format = s.text("signature", Signature.OFF, "");
        if (!format.equalsIgnoreCase(Signature.OFF) && !format.isEmpty() && !Character.isWhitespace(format.charAt(0))) {
            format = " " + format; // Config Admin trims values; the mark stands apart from the text
        }
        Signature signature = null;
        try {
            signature = Signature.of(format);
        } catch (IllegalArgumentException e) {
            s.problem("signature", e.getMessage(), "write e.g. ' ^{initials}', or off");
        }
        String template = s.text("moveToPrivate.template", MoveToPrivate.DEFAULT_TEMPLATE, "");
        MoveToPrivate acknowledgement = null;
        try {
            acknowledgement = MoveToPrivate.of(template, channels);
        } catch (IllegalArgumentException e) {
            s.problem("moveToPrivate.template", e.getMessage(), "write e.g. " + MoveToPrivate.DEFAULT_TEMPLATE);
        }
        // Direct messages allowed only so long after the customer last wrote (Meta's 24h); X and Mastodon have none.
        Map<Network, Duration> windows = new HashMap<>();
        Set<String> known = new HashSet<>(KEYS);
        for (String key : own.keySet()) {
            Network n = key.startsWith(DM_WINDOW) ? network(s, key, channels) : null;
            if (n != null) {
                known.add(key);
                Duration w = s.duration(key, null, Duration.ofMinutes(1), Duration.ofDays(30));
                if (w != null) {
                    windows.put(n, w);
                }
            }
        }
        AgentGroups agents = agentGroups(s);
        s.allowOnly(known);
        s.check();
        GuardSettings guard = GuardSettings.from(values);
        return new ReplySettings(spotCheck, new ReplyPolicy(channels, new SensitiveDataGuard(guard), signature, acknowledgement,
                maxParts, windows, Clock.systemUTC()), agents);
    }

    /**
     * The network a {@code dmWindow.<key>} names; null, with a problem, when the key is no network's or no attached
     * channel declares it. Before any channel attaches there is no list to check against (the core reads this
     * file first); {@link #againstChannels} checks again once they have.
     */
    private static Network network(Settings s, String key, Channels channels) {
        Network n;
        try {
            n = Network.fromKey(key.substring(DM_WINDOW.length()));
        } catch (IllegalArgumentException e) {
            s.problem(key, e.getMessage(), "write " + DM_WINDOW + "<network key>, e.g. " + DM_WINDOW + "x");
            return null;
        }
        if (!channels.all().isEmpty() && channels.find(n).isEmpty()) {
            s.problem(key, "no channel declares the network '" + n.key() + "'", fix(channels));
            return null;
        }
        return n;
    }

    /**
     * What in these values does not suit the channels known now: a {@code dmWindow.<key>} naming a network no
     * channel declares, a Move to private template too long for a channel's posts. Asked again once the channels
     * have declared themselves, since the core reads this file before they do; each problem says the fix.
     */
    static List<String> againstChannels(Map<String, ?> values, Channels channels) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(values.keySet())) {
            if (key.startsWith(DM_WINDOW) && !channels.all().isEmpty()) { // none yet: nothing to check against
                String k = key.substring(DM_WINDOW.length());
                if (channels.all().stream().noneMatch(c -> c.network().key().equals(k))) {
                    problems.add("Setting " + key + " in etc/" + PID + ".cfg names the network '" + k
                            + "', which no channel declares; " + fix(channels));
                }
            }
        }
        Object template = values.get("moveToPrivate.template");
        try {
            MoveToPrivate.of(template == null ? null : template.toString(), channels);
        } catch (IllegalArgumentException e) {
            problems.add("Setting moveToPrivate.template in etc/" + PID + ".cfg: " + e.getMessage());
        }
        return problems;
    }

    private static String fix(Channels channels) {
        return "use one of " + String.join(", ", channels.keys().stream().map(k -> DM_WINDOW + k).toList())
                + ", or remove it";
    }

    /** Comma-separated RT group names; absent or empty: the default groups. */
    private static AgentGroups agentGroups(Settings s) {
        String value = s.text("agentGroups", "", "");
        if (value.isEmpty()) {
            return AgentGroups.DEFAULT;
        }
        String fix = "write RT group names separated by commas, e.g. " + String.join(", ", AgentGroups.DEFAULT.names());
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                s.problem("agentGroups", "it has an empty group name (two commas in a row, or one at an end)", fix);
            } else if (name.length() > GROUP_NAME_MAX) {
                s.problem("agentGroups", "the group name '" + name.substring(0, 40) + "…' is longer than RT's "
                        + GROUP_NAME_MAX + " characters", fix);
            } else if (name.chars().anyMatch(Character::isISOControl)) {
                s.problem("agentGroups", "the group name '" + name + "' has a control character", fix);
            } else {
                names.add(name);
            }
        }
        return names.isEmpty() ? AgentGroups.DEFAULT : new AgentGroups(List.copyOf(names));
    }
}
