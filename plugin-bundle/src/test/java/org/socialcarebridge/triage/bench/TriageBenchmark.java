package org.socialcarebridge.triage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.time.Instant;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.TriageRules;

/**
 * Messages triaged per second, one message after another from a synthetic corpus. Run it with
 * {@code scripts/triage-bench.sh}; surefire never does. The corpus is made here from hand-written
 * templates with a fixed seed, so every run measures the same ~1,000 messages.
 *
 * <p>What is measured is the whole engine, {@link Triage#decide}, with the shipped default rules.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TriageBenchmark {
    static final int CORPUS_SIZE = 1_000;
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static final String[] COMPLAINTS = {
        "@{brand} my order {order} still hasn't arrived, it's been {n} days. Worst service ever",
        "@{brand} the app keeps crashing when I try to pay, this is ridiculous",
        "@{brand} why is my parcel late again? Tracking says delivered but nothing here",
        "@{brand} I was charged twice for order {order}, I want a refund now",
        "@{brand} your driver left my package in the rain and it arrived damaged #fail",
        "@{brand} still waiting for a reply to my email from last week, unacceptable",
    };
    private static final String[] QUESTIONS = {
        "@{brand} what time does the {city} store open on Sunday?",
        "@{brand} can I change the delivery address on order {order}?",
        "@{brand} how do I reset my password from the app",
        "@{brand} does the new model work with the old charger?",
        "Anyone know if @{brand} delivers to {city} on weekends",
    };
    private static final String[] SALES = {
        "@{brand} how much is the family plan per month?",
        "@{brand} do you ship to {city}? Thinking of switching from my current provider",
        "@{brand} looking for a laptop for my daughter, which one would you recommend?",
    };
    private static final String[] PRAISE = {
        "@{brand} thank you {name}, sorted in five minutes. Love it!",
        "Big thanks to @{brand} for the quick replacement, great service",
        "@{brand} the staff in {city} were brilliant today 🙌",
    };
    private static final String[] SPAM = {
        "Join my bitcoin group, {n}00% profit guaranteed, DM me https://bit.ly/{code}",
        "Earn ${n}00 a day from home!!! check my profile for details",
        "Congratulations! Claim your prize now https://tinyurl.com/{code} https://bit.ly/{code}",
        "Use code {code} for {n}0% off, shop now, link in bio #sale #deal #style #fashion #shoes",
        "RT @{brand}: our {city} store opens at 9 tomorrow",
    };
    private static final String[] GIVEAWAYS = {
        "Follow & RT to win a free phone from @{brand}! #giveaway",
        "f4f follow4follow followback {name}",
        "Follow and retweet to win, ends Friday #contest",
    };
    private static final String[] CRISIS = {
        "@{brand} my son was injured by your scooter in {city}, we are at the hospital",
        "@{brand} the charger caught fire and there is smoke everywhere, this is unsafe",
        "@{brand} my account was hacked and money stolen, this is fraud. Talking to my lawyer",
        "@{brand} the site is down and our flight got cancelled, we are stranded in {city} urgent",
    };
    private static final String[] OTHER_LANGUAGES = {
        "@{brand} mi pedido {order} no ha llegado y nadie responde",
        "@{brand} ma commande n'est pas arrivée et personne ne répond",
        "@{brand} meine Bestellung ist noch nicht angekommen",
        "@{brand} 注文した商品がまだ届きません",
        "@{brand} Мой заказ до сих пор не пришёл 😡",
        "@{brand} 我的订单还没有到",
    };
    private static final String[] EMOJI = {
        "@{brand} 😡😡😡", "🎉🎉 @{brand} 👍👍👍", "@{brand} ❤️🙏",
    };
    private static final String LONG_PARAGRAPH = "I have been a customer for {n} years and I have never had "
            + "an experience like this one: the order {order} was placed on Monday, paid on Monday, and "
            + "today the tracking page still says it is being prepared in {city}. ";

    private static final String[][] KINDS = {COMPLAINTS, QUESTIONS, SALES, PRAISE, SPAM, GIVEAWAYS, CRISIS,
        OTHER_LANGUAGES, EMOJI};
    private static final String[] BRANDS = {"acme", "AcmeHelp", "acme_uk", "acme.support"};
    private static final String[] NAMES = {"Sarah", "Tom", "Priya", "Jonas", "Aiko", "Mateo"};
    private static final String[] CITIES = {"Leeds", "Madrid", "Lyon", "Berlin", "Osaka", "Toronto"};

    List<TriageInput> corpus;
    private int next;

    /** One engine for all threads, as in the plugin: shipped rules, the model trained or not. */
    @State(Scope.Benchmark)
    public static class Engine {
        /** untrained: lexicon only; trained: the learnt model answers sentiment and category too. */
        @Param({"untrained", "trained"})
        public String model;
        Triage triage;

        @Setup(Level.Trial)
        public void setUp() {
            TextModel learnt = new TextModel();
            if ("trained".equals(model)) {
                // Labels from the template kinds, so the model is large and sure enough to be asked.
                List<TriageInput> examples = corpus(CORPUS_SIZE, 7L);
                for (int i = 0; i < examples.size(); i++) {
                    String text = examples.get(i).text();
                    Sentiment s = i % 3 == 0 ? Sentiment.NEGATIVE : i % 3 == 1 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
                    learnt.learnSentiment(text, s);
                    learnt.learnCategory(text, i % 2 == 0 ? "Delay" : "Other");
                }
            }
            TriageRules rules = TriageRules.defaults();
            triage = new Triage(() -> rules, learnt);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        corpus = corpus(CORPUS_SIZE, 20261201L);
    }

    /** Every signal, then the rules: what the plugin does for each inbound message. */
    @Benchmark
    public TriageDecision triageNextMessage(Engine engine) {
        TriageInput in = corpus.get(next);
        next = next + 1 == corpus.size() ? 0 : next + 1;
        return engine.triage.decide(in, NOW);
    }

    /** The same messages for the same seed: templates filled in, some made long, some sent by bots. */
    static List<TriageInput> corpus(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TriageInput> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String[] kind = KINDS[random.nextInt(KINDS.length)];
            String text = fill(kind[random.nextInt(kind.length)], random);
            if (random.nextInt(20) == 0) {
                text = text + " " + fill(LONG_PARAGRAPH, random).repeat(1 + random.nextInt(8));
            }
            boolean bot = random.nextInt(15) == 0;
            String handle = bot ? "user" + (10_000_000 + random.nextInt(89_999_999))
                    : NAMES[random.nextInt(NAMES.length)].toLowerCase() + random.nextInt(100);
            long followers = bot ? 0 : random.nextInt(5_000);
            Visibility visibility = random.nextInt(4) == 0 ? Visibility.PRIVATE : Visibility.PUBLIC;
            Network network = random.nextBoolean() ? Network.X : Network.MASTODON;
            out.add(new TriageInput(text, network, visibility, handle, followers, random.nextInt(50) == 0,
                    random.nextInt(30) == 0));
        }
        return List.copyOf(out);
    }

    private static String fill(String template, SplittableRandom random) {
        return template
                .replace("{brand}", BRANDS[random.nextInt(BRANDS.length)])
                .replace("{name}", NAMES[random.nextInt(NAMES.length)])
                .replace("{city}", CITIES[random.nextInt(CITIES.length)])
                .replace("{order}", "#" + (100_000 + random.nextInt(900_000)))
                .replace("{code}", Integer.toString(random.nextInt(1 << 30), 36))
                .replace("{n}", Integer.toString(2 + random.nextInt(8)));
    }
}
