package org.socialcarebridge.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomersTest {
    static final SocialIdentity ALICE_X = new SocialIdentity(Network.X, "2001", "alice", "Alice A", "https://x.com/alice", 120, true);
    static final SocialIdentity ALICE_M = new SocialIdentity(Network.MASTODON, "7001", "alice@example.social", "Alice", null, 3, false);

    final RecordingHost host = new RecordingHost();
    final Database db = TestDatabase.open();
    final Customers customers = new Customers(db, host, Clock.systemUTC());
    final Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), Clock.systemUTC());

    @AfterEach
    void close() {
        db.close();
    }

    static InboundMessage post(String id, SocialIdentity author, String text) {
        return new InboundMessage(author.network(), id, author, text, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(Long.parseLong(id)),
                null, null, Visibility.PUBLIC, null);
    }

    @Test
    void anUnlinkedIdentityIsItsOwnCustomerAndARenameKeepsIt() {
        assertEquals("x:2001", customers.hostCustomerFor(ALICE_X).id());
        SocialIdentity renamed = new SocialIdentity(Network.X, "2001", "alice_new", "Alice", null, 120, true);
        assertEquals("x:2001", customers.hostCustomerFor(renamed).id());
    }

    @Test
    void linkedAcrossNetworksNewTicketsCarryTheSamePerson() {
        intake.receive(List.of(post("10", ALICE_X, "@acme my order")));
        intake.filePending(10);
        customers.link("mastodon:7001", "x:2001", "test");
        intake.receive(List.of(post("20", ALICE_M, "@acme still waiting")));
        intake.filePending(10);
        assertEquals("x:2001", host.tickets.get(2L).requestor().id(), "the Mastodon ticket carries the X customer");
        assertEquals("@alice@example.social", host.tickets.get(2L).customFields().get(TicketField.HANDLE));
        assertEquals("Yes", host.tickets.get(1L).customFields().get(TicketField.VERIFIED));
        assertEquals("120", host.tickets.get(1L).customFields().get(TicketField.FOLLOWERS));
    }

    @Test
    void linkedToAnExistingCustomerByEmail() {
        host.customersByEmail.put("alice@example.com", new HostCustomer("42"));
        customers.link("x:2001", "Alice@Example.com", "test");
        customers.link("mastodon:7001", "x:2001", "test");
        assertEquals("42", customers.hostCustomerFor(ALICE_X).id());
        assertEquals("42", customers.hostCustomerFor(ALICE_M).id(), "links chain to the e-mail customer");
        assertEquals("email:alice@example.com", customers.linkOf("x:2001").orElseThrow().target());
    }

    @Test
    void mistakesAreRefusedWithWhatToWrite() {
        IllegalArgumentException unknownEmail = assertThrows(IllegalArgumentException.class,
                () -> customers.link("x:2001", "nobody@example.com", "test"));
        assertTrue(unknownEmail.getMessage().contains("no customer with the e-mail address nobody@example.com"), unknownEmail.getMessage());
        IllegalArgumentException handle = assertThrows(IllegalArgumentException.class,
                () -> customers.link("@alice", "x:2001", "test"));
        assertTrue(handle.getMessage().contains("'@alice'") && handle.getMessage().contains("x:1002"), handle.getMessage());
        assertThrows(IllegalArgumentException.class, () -> customers.link("x:2001", "x:2001", "test"));
        customers.link("mastodon:7001", "x:2001", "test");
        IllegalArgumentException loop = assertThrows(IllegalArgumentException.class,
                () -> customers.link("x:2001", "mastodon:7001", "test"));
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
        assertTrue(customers.links().size() == 1);
    }

    @Test
    void unlinkGivesTheIdentityBackItsOwnCustomer() {
        customers.link("mastodon:7001", "x:2001", "test");
        assertTrue(customers.unlink("mastodon:7001", "test"));
        assertFalse(customers.unlink("mastodon:7001", "test"));
        assertEquals("mastodon:7001", customers.hostCustomerFor(ALICE_M).id());
    }
}
