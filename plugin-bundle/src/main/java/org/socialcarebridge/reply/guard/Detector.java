package org.socialcarebridge.reply.guard;

import java.util.List;

/** Finds one kind of personal data in a text whose digits are already ASCII ({@link AsciiDigits}). */
interface Detector {
    void find(String text, List<Finding> found);
}
