package org.socialcarebridge.reply.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.socialcarebridge.settings.InvalidSettingsException;
import org.socialcarebridge.settings.Settings;

/**
 * The guard's part of {@code etc/org.socialcarebridge.reply.cfg}:
 * <pre>
 * guard.internalDomains = intranet.acme.com, acme.local
 * guard.pattern.order\ number = ACM-\d{6}
 * guard.off = postal-address
 * </pre>
 * Other keys of that file belong to others and are left alone; an unknown {@code guard.} key is a typo.
 *
 * @param internalDomains lower-case domains whose hosts, and their subdomains', are internal
 * @param patterns        the administrator's named patterns, by name
 * @param off             the kinds not to look for
 */
public record GuardSettings(Set<String> internalDomains, List<AdministratorPattern> patterns, Set<SensitiveData> off) {
    public static final String PID = "org.socialcarebridge.reply";
    static final String PREFIX = "guard.";
    static final String INTERNAL_DOMAINS = "guard.internalDomains";
    static final String PATTERN = "guard.pattern.";
    static final String OFF = "guard.off";
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public GuardSettings {
        internalDomains = internalDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        patterns = List.copyOf(patterns);
        off = off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
    }

    /** Every kind on, no internal domains, no patterns. */
    public static GuardSettings defaults() {
        return new GuardSettings(Set.of(), List.of(), Set.of());
    }

    /**
     * @param values every value of the configuration file
     * @throws InvalidSettingsException naming each wrong guard key with its value and the fix
     */
    public static GuardSettings from(Map<String, ?> values) {
        Settings settings = new Settings(PID, values);
        Set<String> domains = new LinkedHashSet<>();
        String domainList = settings.text(INTERNAL_DOMAINS, "", "");
        for (String entry : domainList.split(",")) {
            String domain = entry.strip().toLowerCase(Locale.ROOT);
            domain = domain.startsWith("*.") ? domain.substring(2) : domain.startsWith(".") ? domain.substring(1) : domain;
            if (domain.isEmpty()) {
                continue;
            }
            if (DOMAIN.matcher(domain).matches()) {
                domains.add(domain);
            } else {
                settings.problem(INTERNAL_DOMAINS, "'" + entry.strip() + "' is not a domain name",
                        "list domain names separated by commas, e.g. intranet.acme.com, acme.local (subdomains are included)");
            }
        }

        Set<SensitiveData> off = EnumSet.noneOf(SensitiveData.class);
        for (String entry : settings.text(OFF, "", "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            SensitiveData.ofWord(entry).ifPresentOrElse(off::add, () -> settings.problem(OFF,
                    "'" + entry.strip() + "' is not a kind of personal data the guard knows",
                    "list kinds to leave unchecked, separated by commas, from: " + SensitiveData.words()));
        }

        List<AdministratorPattern> patterns = new ArrayList<>();
        for (String key : values.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
            if (key.startsWith(PATTERN)) {
                String name = key.substring(PATTERN.length()).strip();
                String regex = settings.text(key, "", "");
                if (name.isEmpty()) {
                    settings.problem(key, "the pattern has no name",
                            "name it after the key's 'guard.pattern.', e.g. guard.pattern.order\\ number = ACM-\\d{6}");
                } else if (regex.isEmpty()) {
                    settings.problem(key, "the pattern is empty", "write a regular expression, e.g. ACM-\\d{6}, or remove the key");
                } else {
                    try {
                        patterns.add(AdministratorPattern.compile(name, regex));
                    } catch (IllegalArgumentException e) {
                        settings.problem(key, e.getMessage(), "write a Java regular expression of at most "
                                + AdministratorPattern.MAX_LENGTH + " characters without a repeated group that repeats"
                                + " or alternates inside, e.g. ACM-\\d{6} or [A-Z]{2}\\d{8}");
                    }
                }
            } else if (key.startsWith(PREFIX) && !key.equals(INTERNAL_DOMAINS) && !key.equals(OFF)) {
                settings.problem(key, "it is not a known guard key",
                        "remove it or use " + INTERNAL_DOMAINS + ", " + OFF + " or " + PATTERN + "<name>");
            }
        }
        settings.check();
        return new GuardSettings(domains, patterns, off);
    }
}
