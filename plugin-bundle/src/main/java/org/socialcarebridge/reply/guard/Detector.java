package org.socialcarebridge.reply.guard;

import java.util.List;

/** Finds one kind of personal data in a text as a reader sees it ({@link ReadableText}): ASCII digits, plain spaces. */
interface Detector {
    void find(String text, List<Finding> found);
}
