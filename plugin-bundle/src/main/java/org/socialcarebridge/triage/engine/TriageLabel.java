package org.socialcarebridge.triage.engine;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.triage.Sentiment;

/**
 * One labelled example triage learns from: an agent's correction on a ticket (keyed by ticket and
 * field, so a later correction replaces the earlier) or a row of a CSV the administrator imported.
 * The model is rebuilt from these on every start; nothing learnt is shipped.
 */
@Entity
@Table(name = "SC_TRIAGE_LABEL")
public class TriageLabel {
    /** The key of an agent's correction of this field on this ticket: a later correction replaces the earlier. */
    public static String deskKey(long ticketId, TicketField field) {
        return DESK + ticketId + ":" + field.name();
    }

    static final String DESK = "desk:";

    @Id
    @Column(name = "LABEL_KEY", length = 200)
    private String key;
    @Lob
    @Column(name = "TEXT")
    private String text;
    @Enumerated(EnumType.STRING)
    @Column(name = "SENTIMENT", length = 10)
    private Sentiment sentiment;
    @Column(name = "CATEGORY", length = 200)
    private String category;
    @Column(name = "NOISE")
    private Boolean noise;
    @Column(name = "SOURCE", length = 400)
    private String source;
    @Column(name = "LABELLED_AT", nullable = false)
    private Instant labelledAt;

    protected TriageLabel() {
    }

    TriageLabel(String key, String text, String source, Instant now) {
        this.key = key;
        this.text = text;
        this.source = source;
        this.labelledAt = now;
    }

    /** The same label under another key (labels are keyed by their id, which cannot change in place). */
    TriageLabel rekeyed(String newKey) {
        TriageLabel copy = new TriageLabel(newKey, text, source, labelledAt);
        copy.sentiment = sentiment;
        copy.category = category;
        copy.noise = noise;
        return copy;
    }

    void sentiment(Sentiment value) {
        sentiment = value;
    }

    void category(String value) {
        category = value;
    }

    void noise(Boolean value) {
        noise = value;
    }

    public String key() {
        return key;
    }

    public String text() {
        return text;
    }

    public Sentiment sentiment() {
        return sentiment;
    }

    public String category() {
        return category;
    }

    public Boolean noise() {
        return noise;
    }

    public String source() {
        return source;
    }
}
