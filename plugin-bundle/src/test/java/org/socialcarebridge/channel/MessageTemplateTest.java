package org.socialcarebridge.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    @Test
    void oneLinePerPlaceholderInOrder() {
        MessageTemplate t = new MessageTemplate("order_update", "en_US", 2, "Hello {{1}}, {{2}}");
        assertEquals(List.of("Maria", "Your refund left today."), t.parametersFrom("  Maria \n\n Your refund   left today.\n"));
    }

    @Test
    void oneValueIsTheWholeTextOnOneLine() {
        MessageTemplate t = new MessageTemplate("follow_up", "en_US", 1, "News: {{1}}");
        assertEquals(List.of("Your bag is found. It arrives tomorrow."), t.parametersFrom("Your bag is found.\n\tIt arrives tomorrow."));
    }

    @Test
    void noPlaceholdersTakeNothing() {
        assertEquals(List.of(), new MessageTemplate("hello", "en", 0, "Hello!").parametersFrom("note for the ticket"));
    }

    @Test
    void aMissingValueIsRefusedSayingWhat() {
        MessageTemplate t = new MessageTemplate("order_update", "en_US", 3, "{{1}} {{2}} {{3}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.parametersFrom("a\nb"));
        assertTrue(e.getMessage().contains("has 3 placeholders") && e.getMessage().contains("it has 2 lines"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("follow_up", "en", 1, "{{1}}").parametersFrom(" "));
    }

    @Test
    void placeholdersAreCountedByTheHighestNumber() {
        assertEquals(2, MessageTemplate.placeholders("Hi {{1}}, {{2}} and {{1}} again"));
        assertEquals(0, MessageTemplate.placeholders("Thanks!"));
    }

    @Test
    void namesAreWhatTheNetworkAllows() {
        assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("Order Update", "en", 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("x", " ", 0, ""));
    }
}
