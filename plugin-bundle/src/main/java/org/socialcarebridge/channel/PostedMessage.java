package org.socialcarebridge.channel;

/** What the network answered when the plugin posted: its id for the new message and a link to it. */
public record PostedMessage(String id, String url) {
}
