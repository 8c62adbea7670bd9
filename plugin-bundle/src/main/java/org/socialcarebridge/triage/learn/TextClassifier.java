package org.socialcarebridge.triage.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.socialcarebridge.triage.Prediction;

/**
 * A multi-class text classifier learnt one example at a time, from the {@link Features} of each text
 * (each feature given once). Two learners vote:
 * <ul>
 * <li>multinomial naive Bayes with add-one smoothing, exact after every example and good with few;</li>
 * <li>softmax logistic regression by stochastic gradient descent, sharper once there are hundreds.
 * Each new example is followed by {@value #REPLAY} steps on earlier examples drawn at random (from at
 * most {@value #REMEMBERED} kept), so learning one at a time converges like training in epochs.</li>
 * </ul>
 * The answer is {@value #BAYES_WEIGHT} × Bayes' posterior + the rest × the regression's; both weights
 * and rates were chosen on tuning data, never on held-out data. Many threads may predict while one
 * learns: predictions share a read lock, learning holds the write lock for a few map updates.
 */
public final class TextClassifier {
    /** Naive Bayes' share of the vote. */
    public static final double BAYES_WEIGHT = 0.25;
    /** Regression steps on earlier examples after each new one. */
    public static final int REPLAY = 10;
    /** The regression's learning rate. */
    public static final double RATE = 0.02;
    /** Examples kept for replay; beyond, a random kept one is replaced (reservoir sampling). */
    public static final int REMEMBERED = 50_000;
    /** log(k + 1) for small k, so a prediction needs no logarithm for most features. */
    private static final double[] LOG = new double[1 << 12];

    static {
        for (int k = 0; k < LOG.length; k++) {
            LOG[k] = Math.log(k + 1.0);
        }
    }

    private final Function<String, List<String>> features;
    private final int minimumExamples;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> labelIndex = new HashMap<>();
    /** What is known of each feature; one map, so a prediction looks each feature up once. */
    private final Map<String, Learnt> learnt = new HashMap<>();
    private double[] bias = new double[0];
    private long[] featureTotals = new long[0];
    private int[] examplesPerLabel = new int[0];
    private int examples;
    private final List<String[]> remembered = new ArrayList<>();
    private final List<Integer> rememberedLabels = new ArrayList<>();
    /** Seeded: the same examples in the same order give the same model. */
    private final Random random = new Random(42);

    /**
     * @param features        turns a text into features, each once, e.g. {@link Features#plain()};
     *                        a feature given twice counts twice
     * @param minimumExamples {@link #predict} answers nothing before this many examples
     */
    public TextClassifier(Function<String, List<String>> features, int minimumExamples) {
        this.features = Objects.requireNonNull(features, "features");
        if (minimumExamples < 1) {
            throw new IllegalArgumentException("minimumExamples is " + minimumExamples + "; it must be at least 1");
        }
        this.minimumExamples = minimumExamples;
    }

    /** Learns that {@code text} is {@code label}. A null text reads as empty. */
    public void learn(String text, String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is " + (label == null ? "null" : "blank")
                    + " for text '" + abbreviate(text) + "'; give every example a label");
        }
        String[] x = features(text).toArray(new String[0]);
        lock.writeLock().lock();
        try {
            int c = labelIndex.computeIfAbsent(label, l -> {
                labels.add(l);
                featureTotals = Arrays.copyOf(featureTotals, labels.size());
                examplesPerLabel = Arrays.copyOf(examplesPerLabel, labels.size());
                return labels.size() - 1;
            });
            for (String f : x) {
                learnt(f, labels.size()).counts[c]++;
            }
            featureTotals[c] += x.length;
            examplesPerLabel[c]++;
            examples++;
            remember(x, c);
            step(x, c);
            for (int r = 0; r < REPLAY; r++) {
                int j = random.nextInt(remembered.size());
                step(remembered.get(j), rememberedLabels.get(j));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The likeliest label and its probability; empty before {@code minimumExamples} or while only one
     * label has been seen. A null text reads as empty.
     */
    public Optional<Prediction> predict(String text) {
        List<String> x = features(text);
        lock.readLock().lock();
        try {
            int k = labels.size();
            if (examples < minimumExamples || k < 2) {
                return Optional.empty();
            }
            double[] bayes = new double[k];
            double[] regression = new double[k];
            score(x, k, bayes, regression);
            softmax(bayes);
            softmax(regression);
            int best = 0;
            for (int c = 0; c < k; c++) {
                bayes[c] = BAYES_WEIGHT * bayes[c] + (1 - BAYES_WEIGHT) * regression[c];
                if (bayes[c] > bayes[best]) {
                    best = c;
                }
            }
            return Optional.of(new Prediction(labels.get(best), bayes[best]));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Examples learnt so far. */
    public int examples() {
        lock.readLock().lock();
        try {
            return examples;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The labels seen, in the order first learnt. */
    public List<String> labels() {
        lock.readLock().lock();
        try {
            return List.copyOf(labels);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int minimumExamples() {
        return minimumExamples;
    }

    private List<String> features(String text) {
        return features.apply(text == null ? "" : text);
    }

    /**
     * Both learners' log-scores for x: naive Bayes' log prior and log likelihoods (features never
     * seen are the same for every label and are skipped) and the regression's linear scores.
     */
    private void score(Collection<String> x, int k, double[] bayes, double[] regression) {
        double vocabulary = learnt.size();
        for (int c = 0; c < k; c++) {
            bayes[c] = Math.log((examplesPerLabel[c] + 1.0) / (examples + k))
                    - x.size() * Math.log(featureTotals[c] + vocabulary);
            regression[c] = c < bias.length ? bias[c] : 0;
        }
        for (String f : x) {
            Learnt l = learnt.get(f);
            if (l != null) {
                int[] n = l.counts;
                double[] w = l.weights;
                for (int c = 0; c < k; c++) {
                    int count = c < n.length ? n[c] : 0;
                    bayes[c] += count < LOG.length ? LOG[count] : Math.log(count + 1.0);
                    regression[c] += c < w.length ? w[c] : 0;
                }
            }
        }
    }

    /** The regression's linear scores, for learning. */
    private double[] regression(String[] x, int k) {
        double[] score = new double[k];
        for (int c = 0; c < Math.min(k, bias.length); c++) {
            score[c] = bias[c];
        }
        for (String f : x) {
            double[] w = learnt.get(f).weights;
            for (int c = 0; c < Math.min(k, w.length); c++) {
                score[c] += w[c];
            }
        }
        return score;
    }

    /** One gradient step of the softmax regression's log loss on example x of label y. */
    private void step(String[] x, int y) {
        int k = labels.size();
        double[] p = softmax(regression(x, k));
        for (int c = 0; c < k; c++) {
            p[c] = RATE * (p[c] - (c == y ? 1 : 0));
        }
        if (bias.length < k) {
            bias = Arrays.copyOf(bias, k);
        }
        subtract(bias, p);
        for (String f : x) {
            subtract(learnt(f, k).weights, p);
        }
    }

    private static void subtract(double[] w, double[] gradient) {
        for (int c = 0; c < gradient.length; c++) {
            w[c] -= gradient[c];
        }
    }

    private void remember(String[] x, int c) {
        if (remembered.size() < REMEMBERED) {
            remembered.add(x);
            rememberedLabels.add(c);
        } else {
            int j = random.nextInt(examples);
            if (j < REMEMBERED) {
                remembered.set(j, x);
                rememberedLabels.set(j, c);
            }
        }
    }

    /** The feature's entry, grown to k labels. */
    private Learnt learnt(String f, int k) {
        Learnt l = learnt.computeIfAbsent(f, x -> new Learnt(k));
        if (l.counts.length < k) {
            l.counts = Arrays.copyOf(l.counts, k);
            l.weights = Arrays.copyOf(l.weights, k);
        }
        return l;
    }

    /** Per label: how many examples hold the feature (Bayes) and its weight (regression). */
    private static final class Learnt {
        int[] counts;
        double[] weights;

        Learnt(int k) {
            counts = new int[k];
            weights = new double[k];
        }
    }

    private static double[] softmax(double[] score) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < score.length; c++) {
            score[c] = Math.exp(score[c] - max);
            sum += score[c];
        }
        for (int c = 0; c < score.length; c++) {
            score[c] /= sum;
        }
        return score;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
