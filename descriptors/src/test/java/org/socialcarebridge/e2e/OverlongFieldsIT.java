package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Fields too long for their columns, and a creation time nobody can read, are filed like any other
 * message: cut at the mapper with the original in full on the ticket, or flagged with the SLA counted
 * from receipt. Before, one overlong handle rolled back its page and stuck the channel on it for good.
 * Real RT, the assembled Karaf as a process, both simulators over HTTP.
 */
class OverlongFieldsIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("overlong").withMastodon();
    static final String X_TOKEN = fixture.xToken();
    static final String M_TOKEN = fixture.mastodonToken();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static XSimulator xSimulator;
    static MastodonSimulator mastodonSimulator;
    static XSim x;
    static MastodonSim mastodon;
    static Karaf karaf;
    static Rt root;

    @BeforeAll
    static void start() throws Exception {
        xSimulator = fixture.xSimulator();
        mastodonSimulator = fixture.mastodonSimulator();
        x = fixture.x();
        mastodon = fixture.mastodon();
        karaf = fixture.karaf();
        root = RtAccounts.ofThisRun().admin.login();
        karaf.awaitRunning(SOON, "mastodon", "x");
    }

    static long ticketFor(String conversationKey) {
        return Await.until("a ticket for " + conversationKey, SOON, () -> root.ticketForConversation(conversationKey));
    }

    static String firstMessage(long ticket) {
        return root.content(root.history(ticket).stream().filter(h -> "Create".equals(h.path("Type").asText()))
                .findFirst().orElseThrow().path("id").asLong());
    }

    /** What the plugin keeps of a value longer than its column: its beginning and an ellipsis. */
    static String cut(String value, int length) {
        return value.substring(0, length - 1) + "…";
    }

    @Test
    void aFediverseAccountWithOverlongFieldsIsFiledAndTheNextMentionFollows() {
        String user = "longdomain_" + RUN;
        String domain = "customer-care-of-a-very-long-named-cooperative.".repeat(5) + "example"; // acct > 200
        String acct = user + "@" + domain;
        String name = ("Maria of the Very Long Display Name " + RUN + " ").repeat(12).strip(); // > 400
        String profile = "https://" + domain + "/@" + user + "?" + "ref=profile&".repeat(80); // > 1000
        assertTrue(acct.length() > 200 && name.length() > 400 && profile.length() > 1000, "the fields overflow the columns");
        mastodon.remoteCustomer(user + "@" + domain, name, profile);
        String overlong = mastodon.postQuickly(acct, "@acme the parcel " + RUN + " is lost", "public", null);

        String other = "plain_" + RUN;
        mastodon.customer(other, "Plain P", 3);
        String plain = mastodon.postQuickly(other, "@acme my order " + RUN + " is late", "public", null);

        long first = ticketFor("mastodon:" + overlong);
        long second = ticketFor("mastodon:" + plain);
        // Two customers are filed side by side (issue 17): no order between them, only that neither blocks the other.
        assertTrue(first != second, "each on a ticket of its own (" + first + ", " + second + ")");

        JsonNode ticket = root.ticket(first);
        assertEquals("@" + cut(acct, 200), Rt.field(ticket, "Social Handle"), "the handle as its column holds it");
        String text = firstMessage(first);
        assertTrue(text.contains("the parcel " + RUN + " is lost"), text);
        assertTrue(text.contains("In full: " + acct + ")"), "the whole handle is on the ticket: " + text);
        assertTrue(text.contains("In full: " + name + ")"), "the whole name is on the ticket: " + text);
        assertTrue(text.contains("In full: " + profile + ")"), "the whole profile link is on the ticket: " + text);
        assertTrue(firstMessage(second).contains("my order " + RUN + " is late"));
        assertEquals("running", karaf.health().path("channels").path("mastodon").path("state").asText(),
                "the channel is not stuck");
    }

    @Test
    void anXMentionWithAnUnreadableCreationTimeIsFiledAndSaysTheSlaCountsFromReceipt() {
        String handle = "clock_" + RUN;
        x.customer(handle, "Clock C", 10, false);
        String garbage = "the day before yesterday " + RUN;
        String id = x.tweetWithCreatedAtAsSent(handle, "@acme my invoice " + RUN + " is wrong", garbage);
        long ticket = ticketFor("x:" + id);
        String text = firstMessage(ticket);
        assertTrue(text.contains("my invoice " + RUN + " is wrong"), text);
        assertTrue(text.contains("(created_at '" + garbage + "' could not be read; the SLA counts from receipt at "),
                "the ticket says what arrived and what the SLA counts from: " + text);
    }
}
