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

/**
 * Every field the domain speaks of has an RT custom field of that name, as the RT extension's initialdata
 * (the one schema both {@code make initdb} and the provisioner load) defines them.
 */
class RtFieldsTest {
    private static final Path INITIALDATA = Path.of("..", "ui-extension", "src", "rt", "RT-Extension-SocialCare", "etc",
            "initialdata");
    private static final String SCHEMA = read(INITIALDATA);
    private static final String TICKET_FIELDS = section("my @ticket_fields = (", "my @transaction_fields = (");
    private static final String TRANSACTION_FIELDS = section("my @transaction_fields = (", "our @CustomFields");

    @Test
    void everyTicketFieldIsATicketCustomFieldRtIsProvisionedWith() {
        for (TicketField f : TicketField.values()) {
            assertTrue(declares(TICKET_FIELDS, RtFields.name(f)), f + " is '" + RtFields.name(f) + "', not in " + INITIALDATA);
            assertEquals(f, RtFields.ticketField(RtFields.name(f)).orElseThrow(), "read back as itself");
        }
    }

    @Test
    void everyMessageFieldIsATransactionCustomFieldRtIsProvisionedWith() {
        for (MessageField f : MessageField.values()) {
            assertTrue(declares(TRANSACTION_FIELDS, RtFields.name(f)), f + " is '" + RtFields.name(f) + "', not in "
                    + INITIALDATA);
        }
    }

    @Test
    void everyReplyChoiceIsAValueOfRtsReplyVisibilityFieldAndReadBackInAnyCase() {
        String replyVisibility = TRANSACTION_FIELDS.lines().filter(l -> l.contains("Name => 'Reply Visibility'")).findFirst()
                .orElseThrow();
        for (ReplyVisibility v : ReplyVisibility.values()) {
            assertTrue(replyVisibility.contains("'" + RtFields.name(v) + "'"), v + " is '" + RtFields.name(v) + "', not in "
                    + replyVisibility);
            assertEquals(v, RtFields.choice(" " + RtFields.name(v).toUpperCase() + " "));
        }
        assertEquals("Move to private", RtFields.name(ReplyVisibility.TO_PRIVATE));
        assertTrue(declares(TICKET_FIELDS, RtFields.REPLY_CHOICES), "the ticket field the Reply form's choices are read from");
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

    /** The initialdata's text from one marker to the next: its ticket or its transaction custom fields. */
    private static String section(String from, String to) {
        int start = SCHEMA.indexOf(from);
        int end = SCHEMA.indexOf(to, Math.max(start, 0));
        if (start < 0 || end < 0) {
            throw new IllegalStateException(INITIALDATA + " has no '" + from + "' followed by '" + to
                    + "'; has its layout changed? Adjust RtFieldsTest.section to it");
        }
        return SCHEMA.substring(start, end);
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
