package org.socialcarebridge.settings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one configuration file's values and collects every problem at once, so the administrator
 * sees all that is wrong in one go. Values of keys that look secret are never shown.
 */
public final class Settings {
    /** Keys Config Admin, Karaf's file install and Declarative Services (a channel component's properties) add. */
    private static final Set<String> FRAMEWORK_KEYS = Set.of("service.pid", "service.factoryPid",
            "felix.fileinstall.filename", "component.name", "component.id", "service.bundleid", "service.scope",
            "osgi.ds.satisfying.condition.target");

    private final String pid;
    private final Map<String, Object> values;
    private final List<SettingProblem> problems = new ArrayList<>();

    public Settings(String pid, Map<String, ?> values) {
        this.pid = pid;
        this.values = new HashMap<>(values);
    }

    public static Settings of(String pid, Dictionary<String, ?> dictionary) {
        Map<String, Object> map = new HashMap<>();
        if (dictionary != null) {
            for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                map.put(key, dictionary.get(key));
            }
        }
        return new Settings(pid, map);
    }

    /** A channel's {@code enabled}: on unless its file says {@code false}, so a file laid by its feature turns it on. */
    public boolean enabled() {
        Object flag = values.get("enabled");
        return flag == null || !"false".equalsIgnoreCase(String.valueOf(flag).strip());
    }

    public String text(String key, String fallback, String fix) {
        String value = raw(key);
        if (value == null) {
            if (fallback == null) {
                problems.add(new SettingProblem(pid, key, null, "it is required", fix));
            }
            return fallback;
        }
        return value;
    }

    public String secret(String key, String fix) {
        String value = raw(key);
        if (value == null) {
            problems.add(new SettingProblem(pid, key, null, "it is required", fix));
        }
        return value;
    }

    /** An http(s) URL without a trailing slash. */
    public String url(String key, String fallback, String fix) {
        String value = text(key, fallback, fix);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(new SettingProblem(pid, key, show(key, value), "it is not an http(s) URL with a host", fix));
                return null;
            }
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(pid, key, show(key, value), "it is not a valid URL (" + e.getMessage() + ")", fix));
            return null;
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** A duration such as {@code 5s}, {@code 500ms}, {@code 2m}, or plain milliseconds. */
    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        Duration d = parseDuration(value);
        String fix = "write a duration between " + min.toMillis() + "ms and " + max.toSeconds() + "s, e.g. 5s, 2m, 12h or 7d";
        if (d == null) {
            problems.add(new SettingProblem(pid, key, value, "it is not a duration", fix));
            return fallback;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problems.add(new SettingProblem(pid, key, value, "it is out of range", fix));
            return fallback;
        }
        return d;
    }

    public int integer(String key, int fallback, int min, int max) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                problems.add(new SettingProblem(pid, key, value, "it is out of range", "write a number from " + min + " to " + max));
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new SettingProblem(pid, key, value, "it is not a whole number", "write a number from " + min + " to " + max));
            return fallback;
        }
    }

    /** One of a few words, compared without regard to case; {@code meaning} explains them in the fix. */
    public String choice(String key, String fallback, Set<String> allowed, String meaning) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        String word = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(word)) {
            problems.add(new SettingProblem(pid, key, value, "it is not one of " + new java.util.TreeSet<>(allowed),
                    "write one of " + new java.util.TreeSet<>(allowed) + ": " + meaning));
            return fallback;
        }
        return word;
    }

    /** Rejects keys this file does not know, which are usually typos of a real key. */
    public void allowOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key) && !FRAMEWORK_KEYS.contains(key)) {
                problems.add(new SettingProblem(pid, key, show(key, String.valueOf(values.get(key))), "it is not a known key",
                        "remove it or use one of " + new java.util.TreeSet<>(known)));
            }
        }
    }

    public void problem(String key, String problem, String fix) {
        problems.add(new SettingProblem(pid, key, show(key, raw(key)), problem, fix));
    }

    /** Throws when any value was wrong or missing. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private String raw(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("token") || k.contains("secret");
    }

    private static String show(String key, String value) {
        return value == null ? null : isSecret(key) ? "****" : value;
    }

    static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            if (v.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            return Duration.ofMillis(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
