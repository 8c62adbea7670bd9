package org.socialcarebridge.simulator.x;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A direct message event (event_type MessageCreate) on the simulated X. */
record XDirectMessage(String id, String conversationId, String senderId, String recipientId, String text, String createdAt) {

    Map<String, Object> toJson(Set<String> fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("event_type", "MessageCreate");
        e.put("text", text);
        if (fields.contains("dm_conversation_id")) {
            e.put("dm_conversation_id", conversationId);
        }
        if (fields.contains("sender_id")) {
            e.put("sender_id", senderId);
        }
        if (fields.contains("created_at")) {
            e.put("created_at", createdAt);
        }
        if (fields.contains("participant_ids")) {
            e.put("participant_ids", List.of(senderId, recipientId));
        }
        return e;
    }

    boolean involves(String userId) {
        return senderId.equals(userId) || recipientId.equals(userId);
    }
}
