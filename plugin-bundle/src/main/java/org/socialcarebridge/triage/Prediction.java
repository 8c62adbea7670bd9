package org.socialcarebridge.triage;

/** A learned model's guess: the label and how sure it is (0..1). */
public record Prediction(String label, double confidence) {
}
