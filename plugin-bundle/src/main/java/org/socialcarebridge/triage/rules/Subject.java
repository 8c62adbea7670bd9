package org.socialcarebridge.triage.rules;

import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.TriageInput;

/**
 * What one rule condition looks at: the message, what was read from it, its words (split once per
 * decision), and the learnt category when the model is sure enough to count.
 */
record Subject(TriageInput input, Signals signals, Words words, String learnedCategory) {
}
