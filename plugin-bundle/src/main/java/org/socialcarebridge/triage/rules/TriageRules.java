package org.socialcarebridge.triage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.triage.Prediction;
import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;

/**
 * One rules file, read and checked: categories and their keywords, rules, response-time targets and
 * business hours. Immutable, so one instance serves every thread; a changed file makes a new one.
 * The file's keys and semantics are documented in docs/triage-rules.md.
 */
public final class TriageRules {
    public static final String DEFAULT_RESOURCE = "org/socialcarebridge/triage/rules/default-triage-rules.yaml";
    /** An explanation is stored with every message and shown in RT; keep it to one readable paragraph. */
    public static final int MAX_EXPLANATION = 1000;

    private final String sourceName;
    private final BusinessHours hours;
    private final Map<Tier, ResponseTarget> targets;
    private final RuleOutcome defaults;
    private final String defaultCategory;
    private final double learnedCategoryConfidence;
    private final List<String> crisisWords;
    private final List<String> categories;
    private final Keywords categoryKeywords;
    private final List<TriageRule> rules;

    TriageRules(String sourceName, BusinessHours hours, Map<Tier, ResponseTarget> targets, RuleOutcome defaults,
                String defaultCategory, double learnedCategoryConfidence, List<String> crisisWords,
                Map<String, List<String>> categories, List<TriageRule> rules) {
        this.sourceName = sourceName;
        this.hours = hours;
        this.targets = new EnumMap<>(targets);
        this.defaults = defaults;
        this.defaultCategory = defaultCategory;
        this.learnedCategoryConfidence = learnedCategoryConfidence;
        this.crisisWords = List.copyOf(crisisWords);
        this.categories = List.copyOf(categories.keySet());
        this.categoryKeywords = new Keywords(List.copyOf(categories.values()));
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads a rules file's text where no channel list is at hand (the command line): a {@code network}
     * condition may name any network's key; {@code sourceName} names it in problems ("etc/triage-rules.yaml").
     */
    public static TriageRules parse(String yaml, String sourceName) throws RulesFileException {
        return parse(yaml, sourceName, null);
    }

    /**
     * @param networks the networks a {@code network} condition may name: the running channels'; null: any
     *                 network's key
     */
    public static TriageRules parse(String yaml, String sourceName, Set<Network> networks) throws RulesFileException {
        return new RulesReader(sourceName, networks).read(yaml);
    }

    /** The rules shipped with the plugin, used until the administrator's file is read, or when it is missing. */
    public static TriageRules defaults() {
        return Shipped.RULES;
    }

    /** The shipped rules file's text, which an administrator's file starts as a copy of. */
    public static String defaultText() {
        try (InputStream in = TriageRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Shipped {
        static final TriageRules RULES = read();

        private static TriageRules read() {
            try {
                return parse(defaultText(), DEFAULT_RESOURCE);
            } catch (RulesFileException e) {
                throw new IllegalStateException("the shipped rules file is invalid:\n" + e.getMessage(), e);
            }
        }
    }

    public String sourceName() {
        return sourceName;
    }

    public int ruleCount() {
        return rules.size();
    }

    public List<TriageRule> rules() {
        return rules;
    }

    /** The administrator's categories, in the file's order, without the fallback. */
    public List<String> categories() {
        return categories;
    }

    /** The file's crisis words; empty: the file has none, use the built-in list. */
    public List<String> crisisWords() {
        return crisisWords;
    }

    public BusinessHours businessHours() {
        return hours;
    }

    /** The target of a tier, or null when the file does not define that tier. */
    public ResponseTarget target(Tier tier) {
        return targets.get(tier);
    }

    public double learnedCategoryConfidence() {
        return learnedCategoryConfidence;
    }

    /** The categories whose keywords occur in the text as whole words or phrases, in the file's order. */
    public List<String> topics(String text) {
        String[] found = categoryKeywords.find(Words.of(text));
        List<String> topics = new ArrayList<>(2);
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null) {
                topics.add(categories.get(i));
            }
        }
        return topics;
    }

    /**
     * Applies the rules to one message. The input supplies the text (for {@code words}), the network and
     * the visibility; the signals everything read from it, with {@code topics} from {@link #topics}.
     */
    public TriageDecision decide(TriageInput input, Signals signals, Instant now) {
        Words words = Words.of(input.text());
        Prediction learnt = signals.learnedCategory();
        String learned = learnt != null && learnt.label() != null && !learnt.label().isBlank()
                && learnt.confidence() >= learnedCategoryConfidence ? learnt.label() : null;
        Subject subject = new Subject(input, signals, words, learned);

        Decision d = new Decision();
        List<String> fired = new ArrayList<>(4);
        StringBuilder because = new StringBuilder(160);
        StringBuilder alsoMatched = new StringBuilder();
        for (TriageRule rule : rules) {
            if (!rule.matches(subject)) {
                continue;
            }
            fired.add(rule.name());
            List<String> decided = d.take(rule.then(), rule.name());
            if (decided.isEmpty()) {
                alsoMatched.append(alsoMatched.length() == 0 ? "Also matched, deciding nothing new: \"" : ", \"")
                        .append(rule.name()).append('"');
            } else {
                because.append(because.length() == 0 ? "Rule \"" : "; rule \"").append(rule.name()).append("\" (")
                        .append(rule.when()).append("): ").append(String.join(", ", decided));
            }
            if (rule.then().stop()) {
                break;
            }
        }
        d.take(defaults, null);

        Tier decidedTier = d.tier;
        Tier tier = Boolean.TRUE.equals(d.raiseTier) ? raised(decidedTier) : decidedTier;
        ResponseTarget target = targets.get(tier);
        boolean ticket = !Boolean.FALSE.equals(d.ticket);
        int priority = d.priority != null ? d.priority : target.priority();
        Instant due = ticket ? target.due(now, hours) : null;

        String category;
        String categoryWhy;
        if (d.category != null) {
            category = d.category;
            categoryWhy = null;
        } else if (!signals.topics().isEmpty()) {
            category = signals.topics().get(0);
            int index = categories.indexOf(category);
            String keyword = index < 0 ? null : categoryKeywords.find(words)[index];
            categoryWhy = keyword == null ? "keywords" : "keywords: " + keyword;
        } else if (learned != null) {
            category = learned;
            categoryWhy = "learnt, " + twoDecimals(learnt.confidence());
        } else {
            category = defaultCategory;
            categoryWhy = null;
        }

        StringBuilder e = new StringBuilder(320);
        if (ticket) {
            e.append(tier).append(" (due ").append(hours.format(due)).append(", respond within ")
                    .append(target.respondWithin()).append(target.clock() == ResponseClock.ALWAYS ? ", 24x7" : ", business hours")
                    .append(')');
            String by = d.tierBy == null ? "default" : "rule \"" + d.tierBy + "\"";
            if (tier != decidedTier) {
                e.append(": ").append(decidedTier).append(" by ").append(by).append(", raised by rule \"").append(d.raiseBy)
                        .append("\". ");
            } else {
                e.append(" by ").append(by).append(". ");
            }
        } else {
            e.append("Recorded, not ticketed. ");
        }
        e.append(because.length() == 0 ? "No rule decided anything" : because).append(". ");
        if (alsoMatched.length() > 0) {
            e.append(alsoMatched).append(". ");
        }
        if (categoryWhy != null) {
            e.append("Category ").append(category).append(" (").append(categoryWhy).append("). ");
        }
        appendSignals(e, signals);
        String explanation = e.length() <= MAX_EXPLANATION ? e.toString() : e.substring(0, MAX_EXPLANATION - 1) + "…";

        return new TriageDecision(signals, ticket, d.queue, d.ownerGroup, priority, tier, category,
                Boolean.TRUE.equals(d.approvalRequired), due, fired, explanation);
    }

    /** The next more urgent tier the file defines; the most urgent stays. */
    private Tier raised(Tier tier) {
        for (int i = tier.ordinal() - 1; i >= 0; i--) {
            Tier t = Tier.values()[i];
            if (targets.containsKey(t)) {
                return t;
            }
        }
        return tier;
    }

    /** The main signals only, never the message text: it may be anything and is shown to agents elsewhere. */
    private static void appendSignals(StringBuilder e, Signals s) {
        e.append("Signals: ");
        if (s.isNoise()) {
            e.append("noise (");
            for (int i = 0; i < s.noise().size() && i < 4; i++) {
                e.append(i == 0 ? "" : ", ").append(RulesReader.noiseKind(s.noise().get(i)));
            }
            e.append("), ");
        }
        if (s.contactType() != null) {
            e.append(s.contactType().key()).append(", ");
        }
        if (s.sentiment() != null) {
            e.append(s.sentiment().key()).append(' ').append(twoDecimals(s.sentimentScore()));
            if (s.sentimentSource() != null) {
                e.append(" (").append(s.sentimentSource()).append(')');
            }
            e.append(", ");
        }
        if (s.language() != null) {
            e.append(s.language()).append(", ");
        }
        if (!s.crisisWords().isEmpty()) {
            e.append("crisis words: ");
            for (int i = 0; i < s.crisisWords().size() && i < 5; i++) {
                e.append(i == 0 ? "\"" : ", \"").append(s.crisisWords().get(i)).append('"');
            }
            e.append(", ");
        }
        e.append(s.followers()).append(s.followers() == 1 ? " follower" : " followers");
        if (s.verified()) {
            e.append(", verified");
        }
        if (s.vip()) {
            e.append(", VIP");
        }
        e.append('.');
    }

    /** "-0.64": String.format would cost more than the whole rest of a decision. */
    static String twoDecimals(double v) {
        long hundredths = Math.round(Math.abs(v) * 100);
        long fraction = hundredths % 100;
        return (v < 0 && hundredths != 0 ? "-" : "") + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** The outcome being assembled: the first rule to set a field decides it. */
    private static final class Decision {
        Boolean ticket;
        String queue;
        String ownerGroup;
        Integer priority;
        Tier tier;
        String tierBy;
        String category;
        Boolean approvalRequired;
        Boolean raiseTier;
        String raiseBy;

        /** Fills what is still open from the outcome; answers what it decided, for the explanation. */
        List<String> take(RuleOutcome o, String rule) {
            List<String> decided = new ArrayList<>(3);
            if (ticket == null && o.ticket() != null) {
                ticket = o.ticket();
                decided.add(ticket ? "ticket" : "record only");
            }
            if (tier == null && o.tier() != null) {
                tier = o.tier();
                tierBy = rule;
                decided.add("tier " + tier);
            }
            if (raiseTier == null && o.raiseTier() != null) {
                raiseTier = o.raiseTier();
                raiseBy = rule;
                decided.add(raiseTier ? "raise tier" : "no tier raise");
            }
            if (queue == null && o.queue() != null) {
                queue = o.queue();
                decided.add("queue " + queue);
            }
            if (ownerGroup == null && o.ownerGroup() != null) {
                ownerGroup = o.ownerGroup();
                decided.add("owner group " + ownerGroup);
            }
            if (priority == null && o.priority() != null) {
                priority = o.priority();
                decided.add("priority " + priority);
            }
            if (category == null && o.category() != null) {
                category = o.category();
                decided.add("category " + category);
            }
            if (approvalRequired == null && o.approvalRequired() != null) {
                approvalRequired = o.approvalRequired();
                decided.add(approvalRequired ? "approval required" : "no approval needed");
            }
            return decided;
        }
    }
}
