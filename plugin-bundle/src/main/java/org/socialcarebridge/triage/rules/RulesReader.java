package org.socialcarebridge.triage.rules;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rules file into {@link TriageRules}, collecting every problem with its line and column so
 * the administrator fixes the file in one go. Only YAML's node tree is used: no Java types are ever
 * constructed from the file.
 */
final class RulesReader {
    /** A rules file is a page or two; anything this large is a mistake or an attack. */
    static final int MAX_CHARS = 1024 * 1024;
    private static final int MAX_DEPTH = 20;
    private static final int MAX_NAME = 80;
    private static final int MAX_SHOWN = 60;

    static final List<String> NOISE_KINDS = List.of("spam", "link-farm", "giveaway", "marketing", "retweet", "bot-like");

    private static final List<String> TOP = List.of("businessHours", "holidays", "tiers", "defaults",
            "learnedCategoryConfidence", "crisisWords", "categories", "rules");
    private static final List<String> HOURS = List.of("timezone", "days", "open", "close");
    private static final List<String> TIER = List.of("respondWithin", "clock", "priority");
    private static final List<String> DEFAULTS = List.of("queue", "tier", "ownerGroup", "category");
    private static final List<String> RULE = List.of("name", "when", "then");
    private static final List<String> WHEN = List.of("noise", "noiseKind", "contactType", "sentiment", "sentimentBelow",
            "sentimentAbove", "language", "crisis", "crisisWord", "category", "words", "followersAtLeast", "verified",
            "vip", "network", "visibility");
    private static final List<String> THEN = List.of("action", "queue", "ownerGroup", "priority", "tier", "category",
            "approvalRequired", "raiseTier", "stop");

    private final String source;
    /** In the order the channels attached, as problems list them; null: no channel list to check against. */
    private final List<Network> networks;
    private final List<RuleProblem> problems = new ArrayList<>();

    /**
     * @param networks the networks a {@code network} condition may name: the running channels'; null when
     *                 there is no list to check against (the command line, or no channel attached yet)
     */
    RulesReader(String source, Set<Network> networks) {
        this.source = source;
        this.networks = networks == null ? null : List.copyOf(new LinkedHashSet<>(networks));
    }

    TriageRules read(String yaml) throws RulesFileException {
        if (yaml.length() > MAX_CHARS) {
            problems.add(new RuleProblem(source, 1, 1, "the file has " + yaml.length() + " characters, more than "
                    + MAX_CHARS, null, "keep the rules file under 1 MiB; it needs a few pages at most"));
            throw new RulesFileException(problems);
        }
        Node root = compose(yaml);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.add(new RuleProblem(source, 1, 1, "the file is empty", null,
                        "start from the shipped default rules file and edit it"));
            }
            throw new RulesFileException(problems);
        }
        Map<String, NodeTuple> top = mapping(root, "the file", TOP);
        if (top == null) {
            throw new RulesFileException(problems);
        }

        Set<LocalDate> holidays = holidays(top.get("holidays"));
        BusinessHours hours = businessHours(top.get("businessHours"), holidays);
        Set<Tier> declared = EnumSet.noneOf(Tier.class);
        Map<Tier, ResponseTarget> targets = tiers(top.get("tiers"), root, top.containsKey("businessHours"), declared);
        double confidence = confidence(top.get("learnedCategoryConfidence"));
        List<String> crisisWords = top.containsKey("crisisWords")
                ? texts(top.get("crisisWords").getValueNode(), "crisisWords", "list the words, e.g. [outage, injured]")
                : List.of();
        Map<String, List<String>> categories = categories(top.get("categories"));
        Defaults defaults = defaults(top.get("defaults"), root, declared, categories);
        List<TriageRule> rules = rules(top.get("rules"), root, declared, categories, defaults.category);

        if (!problems.isEmpty()) {
            throw new RulesFileException(problems);
        }
        return new TriageRules(source, hours == null ? BusinessHours.weekdays() : hours, targets, defaults.outcome,
                defaults.category, confidence, crisisWords, categories, rules);
    }

    private Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS + 16);
        // No anchors to lists or mappings: they are what "billion laughs" files are made of.
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problems.add(new RuleProblem(source, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "the file is not valid YAML: " + oneLine(what), null,
                    fixFor(what)));
        } catch (YAMLException e) {
            Mark mark = String.valueOf(e.getMessage()).contains("aliases") ? firstCollectionAlias(yaml, options) : null;
            problems.add(new RuleProblem(source, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "the file cannot be read as YAML: " + oneLine(e.getMessage()),
                    null, fixFor(e.getMessage())));
        }
        return null;
    }

    /** Where the first alias of a list or mapping is: the composer refuses them without saying where. */
    private static Mark firstCollectionAlias(String yaml, LoaderOptions options) {
        Set<String> collections = new HashSet<>();
        try {
            for (Event e : new Yaml(new SafeConstructor(options)).parse(new StringReader(yaml))) {
                if (e instanceof CollectionStartEvent c && c.getAnchor() != null) {
                    collections.add(c.getAnchor());
                } else if (e instanceof AliasEvent a && collections.contains(a.getAnchor())) {
                    return a.getStartMark();
                }
            }
        } catch (YAMLException e) {
            // the composer's message is reported without a place
        }
        return null;
    }

    private static String fixFor(String what) {
        String w = what == null ? "" : what.toLowerCase(Locale.ROOT);
        if (w.contains("aliases")) {
            return "write the values out instead of using anchors (&name) and aliases (*name) for lists or mappings";
        }
        if (w.contains("nesting depth")) {
            return "the rules file needs at most 4 levels of nesting; remove the extra brackets or indentation";
        }
        return "correct the YAML syntax at that place (indentation, quotes, a missing ':' or ']')";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    // --- the sections ---

    private Set<LocalDate> holidays(NodeTuple t) {
        Set<LocalDate> holidays = new LinkedHashSet<>();
        if (t == null) {
            return holidays;
        }
        for (ScalarNode n : scalars(t.getValueNode(), "holidays", "list dates, e.g. [2026-12-25, 2027-01-01]")) {
            try {
                holidays.add(LocalDate.parse(n.getValue().strip()));
            } catch (DateTimeParseException e) {
                problem(n, "holidays has a value that is not a date", n.getValue(),
                        "write dates as YYYY-MM-DD, e.g. 2026-12-25");
            }
        }
        return holidays;
    }

    private BusinessHours businessHours(NodeTuple t, Set<LocalDate> holidays) {
        if (t == null) {
            return null;
        }
        Map<String, NodeTuple> m = mapping(t.getValueNode(), "businessHours", HOURS);
        if (m == null) {
            return null;
        }
        ZoneId zone = null;
        ScalarNode tz = requiredScalar(m, "timezone", t.getValueNode(), "businessHours",
                "set the desk's time zone, e.g. timezone: America/New_York");
        if (tz != null) {
            try {
                zone = ZoneId.of(tz.getValue().strip());
            } catch (DateTimeException e) {
                problem(tz, "businessHours.timezone is not a time zone", tz.getValue(),
                        "use a region name from the IANA time zone database, e.g. Europe/Paris, America/New_York or UTC");
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (m.containsKey("days")) {
            for (ScalarNode n : scalars(m.get("days").getValueNode(), "businessHours.days", "list days, e.g. [MON, TUE, WED, THU, FRI]")) {
                DayOfWeek day = day(n.getValue());
                if (day == null) {
                    problem(n, "businessHours.days has a value that is not a day", n.getValue(),
                            "use MON, TUE, WED, THU, FRI, SAT or SUN");
                } else {
                    days.add(day);
                }
            }
            if (m.get("days").getValueNode() instanceof SequenceNode seq && seq.getValue().isEmpty()) {
                problem(m.get("days").getValueNode(), "businessHours.days is empty", null,
                        "list the days the desk is open, e.g. [MON, TUE, WED, THU, FRI]");
            }
        } else {
            days.addAll(BusinessHours.weekdays().days());
        }
        LocalTime open = time(m, "open", t.getValueNode());
        LocalTime close = time(m, "close", t.getValueNode());
        if (open != null && close != null && !close.isAfter(open)) {
            problem(m.get("close").getValueNode(), "businessHours.close is not after open (" + open + ")",
                    scalarText(m.get("close").getValueNode()),
                    "set a close time later the same day; for a desk open around the clock use clock: always on the tiers");
            return null;
        }
        if (zone == null || days.isEmpty() || open == null || close == null) {
            return null;
        }
        return new BusinessHours(zone, days, open, close, holidays);
    }

    private LocalTime time(Map<String, NodeTuple> m, String key, Node parent) {
        ScalarNode n = requiredScalar(m, key, parent, "businessHours", "set it as HH:MM in quotes, e.g. " + key
                + ": \"" + ("open".equals(key) ? "08:00" : "20:00") + "\"");
        if (n == null) {
            return null;
        }
        try {
            return LocalTime.parse(n.getValue().strip().length() == 4 ? "0" + n.getValue().strip() : n.getValue().strip());
        } catch (DateTimeParseException e) {
            problem(n, "businessHours." + key + " is not a time of day", n.getValue(),
                    "write it as HH:MM in quotes, e.g. \"08:00\"");
            return null;
        }
    }

    private static DayOfWeek day(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (v.length() >= 3 && d.name().startsWith(v)) {
                return d;
            }
        }
        return null;
    }

    /** @param declared filled with the tiers the file names, valid or not, so their uses are not reported too */
    private Map<Tier, ResponseTarget> tiers(NodeTuple t, Node root, boolean hasHours, Set<Tier> declared) {
        Map<Tier, ResponseTarget> targets = new EnumMap<>(Tier.class);
        if (t == null) {
            problem(root, "the file has no tiers", null,
                    "add tiers: with P1, P2 and P3, each { respondWithin: 4h, clock: business, priority: 50 }");
            return targets;
        }
        Map<String, NodeTuple> m = mapping(t.getValueNode(), "tiers", List.of("P1", "P2", "P3"));
        if (m == null) {
            return targets;
        }
        if (m.isEmpty()) {
            problem(t.getValueNode(), "tiers is empty", null, "define P1, P2 and P3");
        }
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            Tier tier = Tier.valueOf(e.getKey());
            declared.add(tier);
            String where = "tiers." + tier;
            Node value = e.getValue().getValueNode();
            Map<String, NodeTuple> tm = mapping(value, where, TIER);
            if (tm == null) {
                continue;
            }
            ScalarNode within = requiredScalar(tm, "respondWithin", value, where, "set it, e.g. respondWithin: 4h");
            ScalarNode clockNode = requiredScalar(tm, "clock", value, where, "set clock: business or clock: always (24x7)");
            Integer priority = tm.containsKey("priority")
                    ? integer(tm.get("priority").getValueNode(), where + ".priority", 0, 99)
                    : required(value, where, "priority", "set the help desk priority, 0-99, e.g. priority: 50");
            ResponseClock clock = null;
            if (clockNode != null) {
                clock = switch (clockNode.getValue().strip().toLowerCase(Locale.ROOT)) {
                    case "always", "24x7" -> ResponseClock.ALWAYS;
                    case "business" -> ResponseClock.BUSINESS;
                    default -> {
                        problem(clockNode, where + ".clock is not a clock", clockNode.getValue(),
                                "use business (open hours only) or always (24x7)");
                        yield null;
                    }
                };
            }
            if (clock == ResponseClock.BUSINESS && !hasHours) {
                problem(clockNode, where + " runs on the business clock but the file has no businessHours", null,
                        "add businessHours: { timezone: ..., days: [MON, TUE, WED, THU, FRI], open: \"08:00\", close: \"20:00\" }");
            }
            ResponseTarget target = null;
            if (within != null) {
                target = ResponseTarget.of(tier, within.getValue(), clock == null ? ResponseClock.ALWAYS : clock,
                        priority == null ? 0 : priority);
                if (target == null) {
                    problem(within, where + ".respondWithin is not a duration", within.getValue(),
                            "write minutes, hours or days, e.g. 30m, 4h, 1d or 1h30m");
                }
            }
            if (target != null && clock != null && priority != null) {
                targets.put(tier, target);
            }
        }
        return targets;
    }

    private double confidence(NodeTuple t) {
        if (t == null) {
            return 0.6;
        }
        ScalarNode n = scalar(t.getValueNode(), "learnedCategoryConfidence", "set a number from 0 to 1, e.g. 0.6");
        if (n == null) {
            return 0.6;
        }
        try {
            double v = Double.parseDouble(n.getValue().strip());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(n, "learnedCategoryConfidence is not a number from 0 to 1", n.getValue(),
                "set how sure the learnt model must be to name the category, e.g. 0.6; 1 turns it off");
        return 0.6;
    }

    private Map<String, List<String>> categories(NodeTuple t) {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        if (t == null) {
            return categories;
        }
        Map<String, NodeTuple> m = mapping(t.getValueNode(), "categories", null);
        if (m == null) {
            return categories;
        }
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            String name = e.getKey().strip();
            Node key = e.getValue().getKeyNode();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                problem(key, "categories has a name that is empty or longer than " + MAX_NAME + " characters",
                        shown(name), "give the category a short name, e.g. Delay");
                continue;
            }
            List<String> keywords = texts(e.getValue().getValueNode(), "categories." + name,
                    "list its keywords, e.g. " + name + ": [late, delayed, \"still waiting\"]");
            for (ScalarNode n : scalarsOf(e.getValue().getValueNode())) {
                if (Words.of(n.getValue()).size() == 0) {
                    problem(n, "categories." + name + " has a keyword without letters or digits", n.getValue(),
                            "keywords match whole words; remove it or write a word");
                }
            }
            categories.put(name, keywords);
        }
        return categories;
    }

    private record Defaults(RuleOutcome outcome, String category) {
    }

    private Defaults defaults(NodeTuple t, Node root, Set<Tier> targets, Map<String, List<String>> categories) {
        String queue = "Social";
        Tier tier = Tier.P2;
        String ownerGroup = null;
        String category = "Other";
        if (t == null) {
            problem(root, "the file has no defaults", null, "add defaults: { queue: Social, tier: P2 }");
        } else {
            Node value = t.getValueNode();
            Map<String, NodeTuple> m = mapping(value, "defaults", DEFAULTS);
            if (m != null) {
                ScalarNode q = requiredScalar(m, "queue", value, "defaults", "name the help desk queue, e.g. queue: Social");
                queue = q == null ? queue : name(q, "defaults.queue");
                ScalarNode tn = requiredScalar(m, "tier", value, "defaults", "set the tier of messages no rule places, e.g. tier: P2");
                Tier parsed = tn == null ? null : tier(tn, "defaults.tier", targets);
                tier = parsed == null ? tier : parsed;
                if (m.containsKey("ownerGroup")) {
                    ScalarNode n = scalar(m.get("ownerGroup").getValueNode(), "defaults.ownerGroup", "name an RT group");
                    ownerGroup = n == null ? null : name(n, "defaults.ownerGroup");
                }
                if (m.containsKey("category")) {
                    ScalarNode n = scalar(m.get("category").getValueNode(), "defaults.category", "name the fallback category, e.g. Other");
                    category = n == null ? category : name(n, "defaults.category");
                }
            }
        }
        return new Defaults(new RuleOutcome(true, queue, ownerGroup, null, tier, null, false, false, false), category);
    }

    private List<TriageRule> rules(NodeTuple t, Node root, Set<Tier> targets,
                                   Map<String, List<String>> categories, String defaultCategory) {
        List<TriageRule> rules = new ArrayList<>();
        if (t == null) {
            problem(root, "the file has no rules", null, "add rules: with at least one rule { name, when, then }");
            return rules;
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            problem(t.getValueNode(), "rules is not a list", scalarText(t.getValueNode()),
                    "write each rule as a list item starting with '- name:'");
            return rules;
        }
        if (seq.getValue().isEmpty()) {
            problem(seq, "rules is empty", null, "add at least one rule, e.g. - name: everything\\n    then: { tier: P2 }");
            return rules;
        }
        Map<String, Integer> names = new HashMap<>();
        TriageRule catchAll = null;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node r = seq.getValue().get(i);
            String where = "rules[" + (i + 1) + "]";
            Map<String, NodeTuple> m = mapping(r, where, RULE);
            if (m == null) {
                continue;
            }
            ScalarNode nameNode = requiredScalar(m, "name", r, where, "give the rule a short unique name, e.g. name: escalating crisis");
            String name = nameNode == null ? where : name(nameNode, where + ".name");
            if (nameNode != null) {
                where = where + " \"" + name + "\"";
                Integer first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), line(nameNode));
                if (first != null) {
                    problem(nameNode, where + " has the same name as the rule on line " + first, name,
                            "give every rule its own name: explanations and the decision record name rules");
                }
            }
            RuleCondition when = m.containsKey("when")
                    ? condition(m.get("when").getValueNode(), where, categories, defaultCategory)
                    : new RuleCondition(List.of());
            RuleOutcome then = m.containsKey("then")
                    ? outcome(m.get("then").getValueNode(), where, targets, categories, defaultCategory)
                    : required(r, where, "then", "say what the rule decides, e.g. then: { tier: P1 }");
            if (when == null || then == null) {
                continue;
            }
            TriageRule rule = new TriageRule(name, when, then, line(r));
            if (catchAll != null) {
                problem(r, where + " can never match: rule \"" + catchAll.name() + "\" on line " + catchAll.line()
                        + " matches every message and stops", null,
                        "move this rule above \"" + catchAll.name() + "\", or give that rule a when: or remove its stop: true");
            } else if (when.matchesEverything() && then.stop()) {
                catchAll = rule;
            }
            rules.add(rule);
        }
        return rules;
    }

    private RuleCondition condition(Node node, String rule, Map<String, List<String>> categories, String defaultCategory) {
        Map<String, NodeTuple> m = mapping(node, rule + " when", WHEN);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        List<RuleCondition.Clause> clauses = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            String key = e.getKey();
            Node v = e.getValue().getValueNode();
            String where = rule + " when." + key;
            if (v instanceof SequenceNode seq && seq.getValue().isEmpty()) {
                problem(v, where + " is an empty list, which no message would match", null,
                        "list at least one value, or remove " + key);
                continue;
            }
            RuleCondition.Clause clause = switch (key) {
                case "noise" -> bool(v, where, b -> s -> s.signals().isNoise() == b);
                case "crisis" -> bool(v, where, b -> s -> s.signals().crisisWords().isEmpty() != b);
                case "verified" -> bool(v, where, b -> s -> s.signals().verified() == b);
                case "vip" -> bool(v, where, b -> s -> s.signals().vip() == b);
                case "noiseKind" -> {
                    Set<String> kinds = oneOf(v, where, "noise kind", NOISE_KINDS, x -> x.toLowerCase(Locale.ROOT));
                    yield kinds == null ? null : clause(key, kinds, s -> {
                        for (String reason : s.signals().noise()) {
                            if (kinds.contains(noiseKind(reason))) {
                                return true;
                            }
                        }
                        return false;
                    });
                }
                case "contactType" -> {
                    Set<ContactType> types = enums(v, where, "contact type", ContactType.values(), ContactType::key,
                            ContactType::fromKey);
                    yield types == null ? null : clause(key, keys(types, ContactType::key), s -> types.contains(s.signals().contactType()));
                }
                case "sentiment" -> {
                    Set<Sentiment> sentiments = enums(v, where, "sentiment", Sentiment.values(), Sentiment::key,
                            Sentiment::fromKey);
                    yield sentiments == null ? null
                            : clause(key, keys(sentiments, Sentiment::key), s -> sentiments.contains(s.signals().sentiment()));
                }
                case "sentimentBelow", "sentimentAbove" -> {
                    Double limit = decimal(v, where, -1, 1, "a sentiment score from -1 (very negative) to 1 (very positive), e.g. -0.3");
                    boolean below = key.equals("sentimentBelow");
                    yield limit == null ? null : new RuleCondition.Clause(key + "=" + limit, below
                            ? s -> s.signals().sentimentScore() < limit
                            : s -> s.signals().sentimentScore() > limit);
                }
                case "language" -> {
                    List<String> langs = texts(v, where, "list ISO 639-1 codes, e.g. [en, fr]");
                    Set<String> set = langs.stream().map(x -> x.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
                    yield clause(key, set, s -> s.signals().language() != null
                            && set.contains(s.signals().language().toLowerCase(Locale.ROOT)));
                }
                case "crisisWord" -> {
                    List<String> words = texts(v, where, "list crisis words, e.g. [injured, lawyer]");
                    Set<String> set = words.stream().map(x -> x.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
                    yield clause(key, set, s -> {
                        for (String w : s.signals().crisisWords()) {
                            if (set.contains(w.toLowerCase(Locale.ROOT))) {
                                return true;
                            }
                        }
                        return false;
                    });
                }
                case "category" -> {
                    Set<String> known = new LinkedHashSet<>(categories.keySet());
                    known.add(defaultCategory);
                    Set<String> wanted = new LinkedHashSet<>();
                    for (ScalarNode n : scalars(v, where, "list categories, e.g. [Delay, Outage]")) {
                        String c = n.getValue().strip();
                        if (!known.contains(c)) {
                            problem(n, where + " names a category the file does not define", c,
                                    "use one of " + String.join(", ", known) + " (names are case-sensitive), or add it under categories:");
                        }
                        wanted.add(c);
                    }
                    // The fallback names what has no category: no keyword topic and no confident model.
                    boolean fallback = wanted.contains(defaultCategory);
                    yield clause(key, wanted, s -> {
                        for (String topic : s.signals().topics()) {
                            if (wanted.contains(topic)) {
                                return true;
                            }
                        }
                        if (s.learnedCategory() != null) {
                            return wanted.contains(s.learnedCategory());
                        }
                        return fallback && s.signals().topics().isEmpty();
                    });
                }
                case "words" -> {
                    List<String> words = texts(v, where, "list words or phrases, e.g. [refund, \"money back\"]");
                    for (ScalarNode n : scalarsOf(v)) {
                        if (Words.of(n.getValue()).size() == 0) {
                            problem(n, where + " has an entry without letters or digits", n.getValue(),
                                    "words match whole words; remove it or write a word");
                        }
                    }
                    Keywords keywords = Keywords.single(words);
                    yield clause(key, words, s -> keywords.first(s.words()) != null);
                }
                case "followersAtLeast" -> {
                    Integer at = integer(v, where, 0, Integer.MAX_VALUE);
                    yield at == null ? null : new RuleCondition.Clause(key + "=" + at, s -> s.signals().followers() >= at);
                }
                case "network" -> {
                    if (networks == null) {
                        Set<Network> named = anyNetwork(v, where);
                        yield named == null ? null : clause(key, keys(named, Network::key), s -> named.contains(s.input().network()));
                    }
                    Network[] running = networks.toArray(Network[]::new);
                    if (running.length == 0) {
                        problem(v, where + " names a network, and no channel is running", null,
                                "enable a channel in its etc/org.socialcarebridge.network.<key>.cfg or remove the condition");
                        yield null;
                    }
                    Set<Network> named = enums(v, where, "network", running, Network::key, k -> Arrays.stream(running)
                            .filter(n -> n.key().equalsIgnoreCase(k.strip())).findFirst().orElse(null));
                    yield named == null ? null : clause(key, keys(named, Network::key), s -> named.contains(s.input().network()));
                }
                case "visibility" -> {
                    Set<Visibility> vis = enums(v, where, "visibility", Visibility.values(),
                            x -> x.name().toLowerCase(Locale.ROOT), k -> {
                                for (Visibility x : Visibility.values()) {
                                    if (x.name().equalsIgnoreCase(k.strip())) {
                                        return x;
                                    }
                                }
                                return null;
                            });
                    yield vis == null ? null : clause(key, keys(vis, x -> x.name().toLowerCase(Locale.ROOT)),
                            s -> vis.contains(s.input().visibility()));
                }
                default -> throw new IllegalStateException(key);
            };
            if (clause != null) {
                clauses.add(clause);
            }
        }
        return problems.size() == before ? new RuleCondition(clauses) : null;
    }

    private RuleOutcome outcome(Node node, String rule, Set<Tier> targets,
                                Map<String, List<String>> categories, String defaultCategory) {
        Map<String, NodeTuple> m = mapping(node, rule + " then", THEN);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        if (m.isEmpty()) {
            problem(node, rule + " then decides nothing", null, "set at least one of " + String.join(", ", THEN));
        }
        Boolean ticket = null;
        if (m.containsKey("action")) {
            ScalarNode n = scalar(m.get("action").getValueNode(), rule + " then.action", "use ticket or record");
            if (n != null) {
                switch (n.getValue().strip().toLowerCase(Locale.ROOT)) {
                    case "ticket" -> ticket = true;
                    case "record" -> ticket = false;
                    default -> problem(n, rule + " then.action is not an action", n.getValue(),
                            "use ticket (make a help desk ticket) or record (noise: only record the decision)");
                }
            }
        }
        String queue = optionalName(m, "queue", rule + " then.queue");
        String ownerGroup = optionalName(m, "ownerGroup", rule + " then.ownerGroup");
        Integer priority = m.containsKey("priority") ? integer(m.get("priority").getValueNode(), rule + " then.priority", 0, 99) : null;
        Tier tier = null;
        if (m.containsKey("tier")) {
            ScalarNode n = scalar(m.get("tier").getValueNode(), rule + " then.tier", "use P1, P2 or P3");
            tier = n == null ? null : tier(n, rule + " then.tier", targets);
        }
        String category = optionalName(m, "category", rule + " then.category");
        if (category != null && !categories.containsKey(category) && !category.equals(defaultCategory)) {
            Set<String> known = new LinkedHashSet<>(categories.keySet());
            known.add(defaultCategory);
            problem(m.get("category").getValueNode(), rule + " then.category names a category the file does not define",
                    category, "use one of " + String.join(", ", known) + " (names are case-sensitive), or add it under categories:");
        }
        Boolean approval = m.containsKey("approvalRequired") ? bool(m.get("approvalRequired").getValueNode(), rule + " then.approvalRequired") : null;
        Boolean raise = m.containsKey("raiseTier") ? bool(m.get("raiseTier").getValueNode(), rule + " then.raiseTier") : null;
        Boolean stop = m.containsKey("stop") ? bool(m.get("stop").getValueNode(), rule + " then.stop") : null;
        if (problems.size() != before) {
            return null;
        }
        return new RuleOutcome(ticket, queue, ownerGroup, priority, tier, category, approval, raise, Boolean.TRUE.equals(stop));
    }

    // --- values ---

    /** The kind a noise reason starts with: "spam: 5 links" is "spam". */
    static String noiseKind(String reason) {
        int colon = reason.indexOf(':');
        return (colon < 0 ? reason : reason.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    private Tier tier(ScalarNode n, String where, Set<Tier> targets) {
        String v = n.getValue().strip().toUpperCase(Locale.ROOT);
        Tier tier = Arrays.stream(Tier.values()).filter(x -> x.name().equals(v)).findFirst().orElse(null);
        if (tier == null) {
            problem(n, where + " is not a tier", n.getValue(), "use P1, P2 or P3");
            return null;
        }
        if (!targets.contains(tier)) {
            problem(n, where + " uses tier " + tier + ", which tiers: does not define", n.getValue(),
                    "add " + tier + ": { respondWithin: 4h, clock: business, priority: 50 } under tiers:, or use "
                            + targets.stream().map(Tier::name).collect(Collectors.joining(" or ")));
            return null;
        }
        return tier;
    }

    private String optionalName(Map<String, NodeTuple> m, String key, String where) {
        if (!m.containsKey(key)) {
            return null;
        }
        ScalarNode n = scalar(m.get(key).getValueNode(), where, "write a single name");
        return n == null ? null : name(n, where);
    }

    private String name(ScalarNode n, String where) {
        String v = n.getValue().strip();
        if (v.isEmpty() || v.length() > MAX_NAME) {
            problem(n, where + " is empty or longer than " + MAX_NAME + " characters", shown(v), "write a short name");
        }
        return v;
    }

    private static RuleCondition.Clause clause(String key, java.util.Collection<String> values, Predicate<Subject> test) {
        String shown = values.size() == 1 ? values.iterator().next() : "[" + String.join(", ", values) + "]";
        return new RuleCondition.Clause(key + "=" + shown(shown), test);
    }

    private static <E> List<String> keys(Set<E> values, Function<E, String> key) {
        return values.stream().map(key).toList();
    }

    private RuleCondition.Clause bool(Node v, String where, Function<Boolean, Predicate<Subject>> test) {
        Boolean b = bool(v, where);
        return b == null ? null : new RuleCondition.Clause(where.substring(where.lastIndexOf('.') + 1) + "=" + b, test.apply(b));
    }

    private Boolean bool(Node v, String where) {
        ScalarNode n = scalar(v, where, "write true or false");
        if (n == null) {
            return null;
        }
        switch (n.getValue().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on":
                return true;
            case "false", "no", "off":
                return false;
            default:
                problem(n, where + " is not true or false", n.getValue(), "write true or false");
                return null;
        }
    }

    private Integer integer(Node v, String where, int min, int max) {
        ScalarNode n = scalar(v, where, "write a whole number");
        if (n == null) {
            return null;
        }
        try {
            long value = Long.parseLong(n.getValue().strip().replace("_", ""));
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(n, where + " is not a whole number from " + min + " to " + max, n.getValue(),
                "write a whole number from " + min + " to " + max);
        return null;
    }

    private Double decimal(Node v, String where, double min, double max, String what) {
        ScalarNode n = scalar(v, where, "write " + what);
        if (n == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(n.getValue().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(n, where + " is not a number from " + min + " to " + max, n.getValue(), "write " + what);
        return null;
    }

    /** Values of a closed list (tiers, contact types…), reported with the valid ones when unknown. */
    private <E> Set<E> enums(Node v, String where, String what, E[] all, Function<E, String> key, Function<String, E> read) {
        int before = problems.size();
        Set<E> found = new LinkedHashSet<>();
        String valid = Arrays.stream(all).map(key).collect(Collectors.joining(", "));
        for (ScalarNode n : scalars(v, where, "write one " + what + " or a list of them: " + valid)) {
            E e = read.apply(n.getValue());
            if (e == null) {
                problem(n, where + " is not a " + what, n.getValue(), "use one of " + valid);
            } else {
                found.add(e);
            }
        }
        return problems.size() == before && !found.isEmpty() ? found : null;
    }

    /** Any network's key, for a reader without the running channels' list: which one runs is checked later. */
    private Set<Network> anyNetwork(Node v, String where) {
        int before = problems.size();
        Set<Network> found = new LinkedHashSet<>();
        for (ScalarNode n : scalars(v, where, "write one network's key or a list of them, e.g. [x, mastodon]")) {
            try {
                found.add(Network.fromKey(n.getValue().strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(n, where + " is not a network", n.getValue(), "write a network's key, e.g. x or mastodon");
            }
        }
        return problems.size() == before && !found.isEmpty() ? found : null;
    }

    private Set<String> oneOf(Node v, String where, String what, List<String> valid, Function<String, String> normal) {
        int before = problems.size();
        Set<String> found = new LinkedHashSet<>();
        for (ScalarNode n : scalars(v, where, "write one " + what + " or a list of them: " + String.join(", ", valid))) {
            String x = normal.apply(n.getValue().strip());
            if (!valid.contains(x)) {
                problem(n, where + " is not a " + what, n.getValue(), "use one of " + String.join(", ", valid));
            } else {
                found.add(x);
            }
        }
        return problems.size() == before && !found.isEmpty() ? found : null;
    }

    private List<String> texts(Node v, String where, String fix) {
        List<String> texts = new ArrayList<>();
        for (ScalarNode n : scalars(v, where, fix)) {
            String t = n.getValue().strip();
            if (t.isEmpty()) {
                problem(n, where + " has an empty entry", null, "remove it");
            } else {
                texts.add(t);
            }
        }
        return texts;
    }

    /** One value or a list of values; reports lists and mappings nested inside. */
    private List<ScalarNode> scalars(Node v, String where, String fix) {
        if (v instanceof ScalarNode s) {
            return isNull(s) ? emptyValue(s, where, fix) : List.of(s);
        }
        if (v instanceof SequenceNode seq) {
            List<ScalarNode> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !isNull(s)) {
                    out.add(s);
                } else {
                    problem(item, where + " has an entry that is not a single value", scalarText(item), fix);
                }
            }
            return out;
        }
        problem(v, where + " is a mapping, not a value or a list", null, fix);
        return List.of();
    }

    private List<ScalarNode> emptyValue(ScalarNode s, String where, String fix) {
        problem(s, where + " has no value", null, fix);
        return List.of();
    }

    private static List<ScalarNode> scalarsOf(Node v) {
        if (v instanceof ScalarNode s) {
            return List.of(s);
        }
        if (v instanceof SequenceNode seq) {
            return seq.getValue().stream().filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast).toList();
        }
        return List.of();
    }

    private ScalarNode scalar(Node v, String where, String fix) {
        if (v instanceof ScalarNode s && !isNull(s)) {
            return s;
        }
        problem(v, where + (v instanceof ScalarNode ? " has no value" : " is a " + kind(v) + ", not a single value"),
                null, fix);
        return null;
    }

    private ScalarNode requiredScalar(Map<String, NodeTuple> m, String key, Node parent, String where, String fix) {
        NodeTuple t = m.get(key);
        if (t == null) {
            problem(parent, where + " lacks " + key, null, fix);
            return null;
        }
        return scalar(t.getValueNode(), where + "." + key, fix);
    }

    private <T> T required(Node parent, String where, String key, String fix) {
        problem(parent, where + " lacks " + key, null, fix);
        return null;
    }

    /**
     * A mapping's entries by key, in the file's order; unknown keys are reported with the allowed ones
     * (null allowed: any key).
     */
    private Map<String, NodeTuple> mapping(Node node, String where, List<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(node, where + " is " + (node instanceof ScalarNode s && isNull(s) ? "empty" : "a " + kind(node))
                    + ", not a mapping of keys", scalarText(node), allowed == null ? "write key: value lines"
                    : "write key: value lines with the keys " + String.join(", ", allowed));
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), where + " has a key that is not a name", null, "write key: value");
                continue;
            }
            String key = k.getValue();
            if (allowed != null && !allowed.contains(key)) {
                String near = allowed.stream().filter(a -> a.equalsIgnoreCase(key)).findFirst().orElse(null);
                problem(k, where + " has an unknown key", key, (near != null ? "write " + near + " (keys are case-sensitive); " : "")
                        + "the keys allowed here are " + String.join(", ", allowed));
                continue;
            }
            if (entries.containsKey(key)) {
                problem(k, where + " has " + key + " twice (first on line " + line(entries.get(key).getKeyNode()) + ")",
                        key, "keep one " + key);
                continue;
            }
            entries.put(key, t);
        }
        return entries;
    }

    private static boolean isNull(ScalarNode s) {
        return s.getValue().isBlank() || "null".equals(s.getValue()) || "~".equals(s.getValue());
    }

    private static String kind(Node n) {
        return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "list" : "single value";
    }

    private static String scalarText(Node n) {
        return n instanceof ScalarNode s && !isNull(s) ? shown(s.getValue()) : null;
    }

    private static String shown(String v) {
        String one = oneLine(v);
        return one.length() <= MAX_SHOWN ? one : one.substring(0, MAX_SHOWN - 1) + "…";
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

    private void problem(Node n, String what, String value, String fix) {
        Mark mark = n == null ? null : n.getStartMark();
        problems.add(new RuleProblem(source, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                what, value == null ? null : shown(value), fix));
    }
}
