package org.socialcarebridge.triage.engine;

import java.util.List;

import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.eval.Json;

/**
 * A triage decision as the administrator reads it: one JSON object (for scripts, the dry-run command's
 * {@code --json} and the REST call) or a few lines of text (the shell). The message text itself is
 * never echoed: it is untrusted, and the caller has it.
 */
public final class DecisionReport {
    private DecisionReport() {
    }

    /**
     * Keys: ticket, noise (true when triage would not ticket it for noise), noiseReasons, contactType,
     * sentiment, sentimentScore, sentimentSource, language, crisisWords, topics, category, priority
     * (the Social Priority tier, "P1"), rtPriority (0-99), queue, ownerGroup, approvalRequired, due
     * (ISO-8601 UTC), firedRules, explanation.
     */
    public static String json(TriageDecision d) {
        Signals s = d.signals();
        StringBuilder b = new StringBuilder(512).append('{');
        field(b, "ticket").append(d.ticket()).append(',');
        field(b, "noise").append(s.isNoise()).append(',');
        field(b, "noiseReasons");
        strings(b, s.noise()).append(',');
        field(b, "contactType");
        string(b, s.contactType().key()).append(',');
        field(b, "sentiment");
        string(b, s.sentiment().key()).append(',');
        field(b, "sentimentScore").append(Math.round(s.sentimentScore() * 1000) / 1000.0).append(',');
        field(b, "sentimentSource");
        string(b, s.sentimentSource()).append(',');
        field(b, "language");
        string(b, s.language()).append(',');
        field(b, "crisisWords");
        strings(b, s.crisisWords()).append(',');
        field(b, "topics");
        strings(b, s.topics()).append(',');
        field(b, "category");
        string(b, d.category()).append(',');
        field(b, "priority");
        string(b, d.tier() == null ? null : d.tier().name()).append(',');
        field(b, "rtPriority").append(d.priority()).append(',');
        field(b, "queue");
        string(b, d.queue()).append(',');
        field(b, "ownerGroup");
        string(b, d.ownerGroup()).append(',');
        field(b, "approvalRequired").append(d.approvalRequired()).append(',');
        field(b, "due");
        string(b, d.due() == null ? null : d.due().toString()).append(',');
        field(b, "firedRules");
        strings(b, d.firedRules()).append(',');
        field(b, "explanation");
        string(b, d.explanation());
        return b.append('}').toString();
    }

    /** A few lines for a person at a console. */
    public static String text(TriageDecision d) {
        Signals s = d.signals();
        StringBuilder b = new StringBuilder(512);
        if (!d.ticket()) {
            b.append("Decision: no ticket, recorded as noise");
            if (s.isNoise()) {
                b.append(" (").append(String.join("; ", s.noise())).append(')');
            }
        } else {
            b.append("Decision: ticket in queue ").append(d.queue()).append(", ").append(d.tier())
                    .append(" (RT priority ").append(d.priority()).append("), due ").append(d.due());
            if (d.ownerGroup() != null) {
                b.append(", owner group ").append(d.ownerGroup());
            }
            if (d.approvalRequired()) {
                b.append(", public replies need approval");
            }
        }
        b.append("\nCategory: ").append(d.category() == null ? "-" : d.category())
                .append("\nContact type: ").append(s.contactType().key())
                .append("\nSentiment: ").append(s.sentiment().key()).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%+.2f", s.sentimentScore())).append(" (").append(s.sentimentSource()).append(')')
                .append("\nLanguage: ").append(s.language())
                .append("\nCrisis words: ").append(s.crisisWords().isEmpty() ? "-" : String.join(", ", s.crisisWords()))
                .append("\nNoise: ").append(s.isNoise() ? String.join("; ", s.noise()) : "no")
                .append("\nRules fired: ").append(d.firedRules().isEmpty() ? "-" : String.join(", ", d.firedRules()))
                .append("\nExplanation: ").append(d.explanation());
        return b.toString();
    }

    private static StringBuilder field(StringBuilder b, String name) {
        return string(b, name).append(':');
    }

    private static StringBuilder strings(StringBuilder b, List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(b, values.get(i));
        }
        return b.append(']');
    }

    /** Noise reasons quote untrusted text: '<' escaped too, so the answer stays inert inside an HTML page. */
    private static StringBuilder string(StringBuilder b, String value) {
        return b.append(Json.string(value).replace("<", "\\u003c"));
    }
}
