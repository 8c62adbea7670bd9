package org.socialcarebridge.conversation;

/** Whether a customer's message was posted in public or sent privately (a direct message). */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
