package org.socialcarebridge.routes.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.TicketField;
import org.junit.jupiter.api.Test;

/** Every field the domain speaks of has an RT custom field of that name, as the provisioner creates them. */
class RtFieldsTest {
    private static final String SCHEMA = read(Path.of("..", "descriptors", "host", "rt", "schema.pl"));

    @Test
    void everyTicketFieldIsATicketCustomFieldRtIsProvisionedWith() {
        String ticketFields = SCHEMA.substring(SCHEMA.indexOf("our @TICKET_FIELDS"), SCHEMA.indexOf("our @TRANSACTION_FIELDS"));
        for (TicketField f : TicketField.values()) {
            assertTrue(declares(ticketFields, RtFields.name(f)), f + " is '" + RtFields.name(f) + "', not in schema.pl");
            assertEquals(f, RtFields.ticketField(RtFields.name(f)).orElseThrow(), "read back as itself");
        }
    }

    @Test
    void everyMessageFieldIsATransactionCustomFieldRtIsProvisionedWith() {
        String transactionFields = SCHEMA.substring(SCHEMA.indexOf("our @TRANSACTION_FIELDS"));
        for (MessageField f : MessageField.values()) {
            assertTrue(declares(transactionFields, RtFields.name(f)), f + " is '" + RtFields.name(f) + "', not in schema.pl");
        }
    }

    @Test
    void everyReplyChoiceIsAValueOfRtsReplyVisibilityFieldAndReadBackInAnyCase() {
        String replyVisibility = SCHEMA.lines().filter(l -> l.contains("Name => 'Reply Visibility'")).findFirst().orElseThrow();
        for (ReplyVisibility v : ReplyVisibility.values()) {
            assertTrue(replyVisibility.contains("'" + RtFields.name(v) + "'"), v + " is '" + RtFields.name(v) + "', not in "
                    + replyVisibility);
            assertEquals(v, RtFields.choice(" " + RtFields.name(v).toUpperCase() + " "));
        }
        assertEquals("Move to private", RtFields.name(ReplyVisibility.TO_PRIVATE));
        String ticketFields = SCHEMA.substring(SCHEMA.indexOf("our @TICKET_FIELDS"), SCHEMA.indexOf("our @TRANSACTION_FIELDS"));
        assertTrue(declares(ticketFields, RtFields.REPLY_CHOICES), "the ticket field the Reply form's choices are read from");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> RtFields.choice("Secret"));
        assertEquals("Unknown Reply Visibility 'Secret'; expected Public, Private or Move to private", unknown.getMessage());
    }

    @Test
    void aFieldRtHasButTheDomainDoesNotSpeakOfIsNone() {
        assertTrue(RtFields.ticketField("Social Something Else").isEmpty());
    }

    private static boolean declares(String perl, String name) {
        return Pattern.compile("Name => '" + Pattern.quote(name) + "'").matcher(perl).find();
    }

    private static String read(Path schema) {
        try {
            return Files.readString(schema);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read RT's schema at " + schema.toAbsolutePath()
                    + "; run the tests from the camel-routes module directory (Maven does)", e);
        }
    }
}
