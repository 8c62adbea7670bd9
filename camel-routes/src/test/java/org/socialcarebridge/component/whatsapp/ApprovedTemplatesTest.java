package org.socialcarebridge.component.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.socialcarebridge.channel.MessageTemplate;

class ApprovedTemplatesTest {
    @Test
    void aTemplateApprovedInSeveralLanguagesIsOneChoice() {
        List<MessageTemplate> offered = ApprovedTemplates.byName(List.of(
                new MessageTemplate("follow_up", "en_US", 1, "News: {{1}}"),
                new MessageTemplate("order_update", "en_US", 2, "Hello {{1}}, {{2}}"),
                new MessageTemplate("order_update", "es", 2, "Hola {{1}}, {{2}}")));
        assertEquals(List.of("follow_up", "order_update"), offered.stream().map(MessageTemplate::name).toList(),
                "RT refuses a value listed twice, which would stop every sync");
        assertEquals("en_US, es", offered.get(1).language());
        assertEquals("Hello {{1}}, {{2}}", offered.get(1).body());
    }
}
