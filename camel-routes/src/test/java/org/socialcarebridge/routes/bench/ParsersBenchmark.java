package org.socialcarebridge.routes.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.socialcarebridge.HostileText;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.SubjectLine;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.ResolutionConfirmation;
import org.socialcarebridge.followup.SurveyAnswer;
import org.socialcarebridge.reply.Mentions;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;
import org.socialcarebridge.routes.http.HtmlText;
import org.socialcarebridge.component.mastodon.MastodonLivePayloads;
import org.socialcarebridge.component.x.XLivePayloads;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.rules.TriageRules;

/**
 * The time of one call of each parser of internet content, per kind of hostile input
 * ({@link HostileText}), against the budget of {@value #BUDGET_MS} ms. JMH sample time: every call is
 * timed, so the table's max is the slowest single call measured. Run with {@code ./socialcare bench
 * parsers}; surefire never does. A benchmark, not a test: it prints numbers and fails nothing.
 *
 * <p>Most parsers take the text itself. The network mappers take the payload a live API would send
 * with the text in it, made in the set-up so that only the mapping is timed; a mapper refusing an item
 * as unreadable (IllegalArgumentException) is a call like any other.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParsersBenchmark {
    static final long BUDGET_MS = 50;
    /** Different texts of a kind per benchmark, called in turn, so no one text is all that is measured. */
    static final int SAMPLES = 8;

    private static final SocialIdentity CUSTOMER = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final SensitiveDataGuard GUARD = new SensitiveDataGuard(GuardSettings.defaults());
    private static final TriageRules RULES = TriageRules.defaults();
    private static final Triage TRIAGE = Triage.withDefaults();

    /** The parsers, by the name the table shows. */
    public enum Parser {
        SUBJECT_LINE(t -> SubjectLine.of(new InboundMessage(Network.X, "1", CUSTOMER, t, NOW, null, null,
                Visibility.PRIVATE, null))),
        HTML_TEXT(HtmlText::of),
        MENTIONS(t -> Mentions.inMastodonStatus(t).size() + Mentions.prefix(t, "alice", List.of(), Set.of("acme")).length()),
        SURVEY_ANSWER(SurveyAnswer::read),
        RESOLUTION_CONFIRMATION(ResolutionConfirmation::confirms),
        GUARD_DETECTORS(GUARD::inspect),
        RULES_KEYWORDS(RULES::topics),
        TRIAGE_SIGNALS_AND_RULES(t -> TRIAGE.decide(TriageInput.text(t), NOW)),
        /**
         * A page of one item as X's v2 API sends it, the text in the post or direct message and in its
         * author's display name: the page's authors, then the item (even samples direct messages, odd ones
         * mentions replying to the brand).
         */
        X_MESSAGES((t, i) -> i % 2 == 0 ? XLivePayloads.directMessagePage(t, t, i) : XLivePayloads.mentionPage(t, t, i),
                p -> XLivePayloads.map((JsonNode) p)),
        /**
         * A status as Mastodon sends it, the text in its HTML content and in its account's display name
         * (even samples direct, odd ones public).
         */
        MASTODON_MESSAGES((t, i) -> MastodonLivePayloads.status(t, t, i), p -> MastodonLivePayloads.map((JsonNode) p));

        /** What the parser is given, made from the text (and the sample's index) before any timing. */
        final BiFunction<String, Integer, Object> input;
        final Function<Object, Object> call;

        Parser(Function<String, Object> call) {
            this((t, i) -> t, t -> call.apply((String) t));
        }

        Parser(BiFunction<String, Integer, Object> input, Function<Object, Object> call) {
            this.input = input;
            this.call = call;
        }
    }

    @Param
    public Parser parser;
    @Param
    public HostileText.Kind kind;

    private Object[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void makeInputs() {
        SplittableRandom seeds = new SplittableRandom(HostileText.DEFAULT_SEED + kind.ordinal());
        inputs = new Object[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String text = HostileText.of(kind, kind == HostileText.Kind.FIXED ? i : seeds.nextLong());
            inputs[i] = parser.input.apply(text, i);
        }
    }

    @Benchmark
    public Object call() {
        Object input = inputs[next];
        next = (next + 1) % SAMPLES;
        try {
            return parser.call.apply(input);
        } catch (IllegalArgumentException unreadable) {
            return unreadable; // its answer to an input it cannot read: a call like any other
        }
    }

    /** Runs every parser on every kind (JMH options may narrow it) and prints median and max per pair. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions given = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(given);
        options.include(ParsersBenchmark.class.getSimpleName());
        // short by default: the budget is about the slowest call, which a few seconds per pair show
        if (!given.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(1);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(1);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<String> rows = new ArrayList<>();
        double worst = 0;
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            double medianUs = s.getPercentile(50);
            double maxMs = s.getMax() / 1000;
            worst = Math.max(worst, maxMs);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.3f | %s |",
                    r.getParams().getParam("parser").toLowerCase(Locale.ROOT).replace('_', ' '),
                    r.getParams().getParam("kind").toLowerCase(Locale.ROOT).replace('_', ' '), s.getN(), medianUs,
                    maxMs, maxMs <= BUDGET_MS ? "within" : "OVER"));
        }
        System.out.println();
        System.out.println("| parser | input | calls | median µs | max ms | " + BUDGET_MS + " ms budget |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nslowest single call: %.3f ms (budget %d ms)%n", worst, BUDGET_MS);
    }
}
