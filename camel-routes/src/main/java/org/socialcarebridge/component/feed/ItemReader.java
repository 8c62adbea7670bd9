package org.socialcarebridge.component.feed;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;

/**
 * How one item a network answered is made a message: {@link FeedReading#read} for a poll, or a real-time
 * path's, which keeps an unreadable item as a dead letter in its batch. Shared by the polls and the real-time
 * paths that bring a mention's unseen thread, so either files the same chain.
 */
@FunctionalInterface
public interface ItemReader {
    /** The message, or null when the item could not be read (then kept as a dead letter). */
    InboundMessage read(String id, JsonNode item, Function<JsonNode, InboundMessage> mapper);
}
