package org.socialcarebridge.triage.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How well one task's answers match people's: accuracy, per-class precision, recall and F1, macro
 * F1 (the unweighted mean of the classes' F1, so a rare class counts as much as a common one) and the
 * confusion matrix. A class with no predictions has precision 0; with no examples, recall 0. Add
 * pairs with {@link #add}; not thread-safe.
 */
public final class Evaluation {
    private final List<String> labels = new ArrayList<>();
    /** actual → predicted → count, both in first-seen order (or the order given to the constructor). */
    private final Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    private int n;
    private int correct;

    /** @param labels classes to show first and always, even if no example has them */
    public Evaluation(List<String> labels) {
        labels.forEach(this::label);
    }

    public Evaluation() {
        this(List.of());
    }

    /** Counts one answer; a null prediction counts as wrong, shown as the label "none". */
    public Evaluation add(String actual, String predicted) {
        Objects.requireNonNull(actual, "actual");
        String p = predicted == null ? "none" : predicted;
        label(actual);
        label(p);
        confusion.get(actual).merge(p, 1, Integer::sum);
        n++;
        if (actual.equals(p)) {
            correct++;
        }
        return this;
    }

    private void label(String l) {
        if (!confusion.containsKey(l)) {
            labels.add(l);
            confusion.put(l, new LinkedHashMap<>());
        }
    }

    public int n() {
        return n;
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    public double accuracy() {
        return n == 0 ? 0 : (double) correct / n;
    }

    /** How many examples labelled {@code actual} were answered {@code predicted}. */
    public int count(String actual, String predicted) {
        Map<String, Integer> row = confusion.get(actual);
        return row == null ? 0 : row.getOrDefault(predicted, 0);
    }

    public double precision(String label) {
        int predicted = 0;
        for (String a : labels) {
            predicted += count(a, label);
        }
        return predicted == 0 ? 0 : (double) count(label, label) / predicted;
    }

    public double recall(String label) {
        int actual = 0;
        for (String p : labels) {
            actual += count(label, p);
        }
        return actual == 0 ? 0 : (double) count(label, label) / actual;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the classes that occur as an actual label (a "none" column is not a class). */
    public double macroF1() {
        double sum = 0;
        int classes = 0;
        for (String l : labels) {
            if (recallBase(l) > 0) {
                sum += f1(l);
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }

    private int recallBase(String label) {
        int actual = 0;
        for (String p : labels) {
            actual += count(label, p);
        }
        return actual;
    }

    /** Accuracy, a per-class table and the confusion matrix (rows: actual, columns: predicted). */
    public String toText(String task) {
        StringBuilder sb = new StringBuilder();
        sb.append(task).append(": n=").append(n).append(", accuracy=").append(number(accuracy()))
                .append(", macro F1=").append(number(macroF1())).append('\n');
        int width = 8;
        for (String l : labels) {
            width = Math.max(width, l.length() + 1);
        }
        String cell = "%" + width + "s";
        sb.append(String.format(Locale.ROOT, "  " + cell + " %9s %9s %9s %7s%n", "class", "precision", "recall",
                "F1", "n"));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, "  " + cell + " %9s %9s %9s %7d%n", l, number(precision(l)),
                    number(recall(l)), number(f1(l)), recallBase(l)));
        }
        sb.append("  confusion (rows actual, columns predicted)\n  ").append(String.format(Locale.ROOT, cell, ""));
        for (String l : labels) {
            sb.append(' ').append(String.format(Locale.ROOT, cell, l));
        }
        sb.append('\n');
        for (String a : labels) {
            sb.append("  ").append(String.format(Locale.ROOT, cell, a));
            for (String p : labels) {
                sb.append(' ').append(String.format(Locale.ROOT, cell, count(a, p)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * One JSON object: {@code {"n":…,"accuracy":…,"macroF1":…,"precision":{…},"recall":{…},"f1":{…},
     * "confusion":{actual:{predicted:count}}}}, class names as keys, numbers with four decimals.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"n\":").append(n)
                .append(",\"accuracy\":").append(number(accuracy()))
                .append(",\"macroF1\":").append(number(macroF1()));
        perClass(sb, "precision", this::precision);
        perClass(sb, "recall", this::recall);
        perClass(sb, "f1", this::f1);
        sb.append(",\"confusion\":{");
        for (int i = 0; i < labels.size(); i++) {
            String a = labels.get(i);
            sb.append(i == 0 ? "" : ",").append(Json.string(a)).append(":{");
            for (int j = 0; j < labels.size(); j++) {
                String p = labels.get(j);
                sb.append(j == 0 ? "" : ",").append(Json.string(p)).append(':').append(count(a, p));
            }
            sb.append('}');
        }
        return sb.append("}}").toString();
    }

    private void perClass(StringBuilder sb, String name, ToDoubleFunction<String> metric) {
        sb.append(",\"").append(name).append("\":{");
        for (int i = 0; i < labels.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(Json.string(labels.get(i))).append(':')
                    .append(number(metric.applyAsDouble(labels.get(i))));
        }
        sb.append('}');
    }

    static String number(double d) {
        return String.format(Locale.ROOT, "%.4f", Double.isFinite(d) ? d : 0);
    }
}
