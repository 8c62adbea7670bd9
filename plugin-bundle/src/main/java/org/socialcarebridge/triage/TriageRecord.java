package org.socialcarebridge.triage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.socialcarebridge.persistence.ColumnText;

/**
 * What triage read and decided for one inbound message, kept beside the message's ledger entry (same
 * key) so supervisors can audit what was filtered and why, and metrics can follow sentiment.
 */
@Entity
@Table(name = "SC_TRIAGE", indexes = @Index(name = "SC_TRIAGE_NOISE", columnList = "TICKETED,DECIDED_AT"))
public class TriageRecord {
    static final int EXPLANATION_LENGTH = 4000;

    @Id
    @Column(name = "MESSAGE_KEY", length = 200)
    private String key;

    @Column(name = "TICKETED", nullable = false)
    private boolean ticketed;
    @Column(name = "NOISE", length = ColumnText.ERROR_LENGTH)
    private String noise;
    @Column(name = "CONTACT_TYPE", length = 20)
    private String contactType;
    @Enumerated(EnumType.STRING)
    @Column(name = "SENTIMENT", length = 10)
    private Sentiment sentiment;
    @Column(name = "SENTIMENT_SCORE")
    private double sentimentScore;
    @Column(name = "LANGUAGE", length = 8)
    private String language;
    @Column(name = "CATEGORY", length = 200)
    private String category;
    @Enumerated(EnumType.STRING)
    @Column(name = "TIER", length = 4)
    private Tier tier;
    @Column(name = "QUEUE", length = 200)
    private String queue;
    @Column(name = "PRIORITY")
    private int priority;
    @Column(name = "DUE")
    private Instant due;
    @Column(name = "APPROVAL_REQUIRED", nullable = false)
    private boolean approvalRequired;
    @Column(name = "EXPLANATION", length = EXPLANATION_LENGTH)
    private String explanation;
    @Column(name = "DECIDED_AT", nullable = false)
    private Instant decidedAt;

    protected TriageRecord() {
    }

    public static TriageRecord of(String messageKey, TriageDecision d, Instant now) {
        TriageRecord r = new TriageRecord();
        r.key = messageKey;
        r.ticketed = d.ticket();
        Signals s = d.signals();
        r.noise = s.isNoise() ? ColumnText.cut(String.join("; ", s.noise()), ColumnText.ERROR_LENGTH) : null;
        r.contactType = s.contactType().key();
        r.sentiment = s.sentiment();
        r.sentimentScore = s.sentimentScore();
        r.language = s.language();
        r.category = d.category();
        r.tier = d.tier();
        r.queue = d.queue();
        r.priority = d.priority();
        r.due = d.due();
        r.approvalRequired = d.approvalRequired();
        r.explanation = ColumnText.cut(d.explanation(), EXPLANATION_LENGTH);
        r.decidedAt = now;
        return r;
    }

    public String key() {
        return key;
    }

    public boolean ticketed() {
        return ticketed;
    }

    public String noise() {
        return noise;
    }

    public Sentiment sentiment() {
        return sentiment;
    }

    public String category() {
        return category;
    }

    public Tier tier() {
        return tier;
    }

    public String explanation() {
        return explanation;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
