package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * X and Mastodon in real time (issue 17). X: the plugin, given a public URL, registers its webhook and the subscriptions
 * with the X Activity API itself (the simulator proves the URL by a CRC), then files what X delivers:
 * signed mentions and DMs, forged deliveries refused and counted before anything is parsed, duplicates
 * and retries absorbed by the ledger, deliveries out of order still filed in the customer's order. The
 * feeds are read only every 10 minutes here (and once at start), so what is filed within seconds came
 * by the webhook. Mastodon: notifications come by the streaming API; when the stream drops and the server
 * refuses it for a while, what was posted in the gap is caught up by the REST poll as soon as the stream is
 * back (the periodic catch-up is 10 minutes away), each message once, the thread kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealTimeIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("realtime").withXIntake("webhook", "10m").withMastodonStream();
    static final Duration SOON = Duration.ofSeconds(30);
    /**
     * How long the crowd of 48 messages may take to file: about 70 RT requests, which a busy RT on SQLite
     * (0.8 s a request, measured) takes a minute for. The test is about order, not speed.
     */
    static final Duration CROWD = Duration.ofMinutes(3);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static XSim x;
    static MastodonSim mastodon;
    static Karaf karaf;
    static Rt admin;

    @BeforeAll
    static void start() {
        x = fixture.x();
        mastodon = fixture.mastodon();
        karaf = fixture.karaf();
        admin = RtAccounts.ofThisRun().admin.login();
        karaf.awaitRunning(Duration.ofSeconds(60), "x", "mastodon");
    }

    static long ticketFor(String conversation) {
        return Await.until("a ticket for " + conversation, SOON, () -> admin.ticketForConversation(conversation));
    }

    /** The texts of the ticket's messages that carry this run's mark, in the ticket's order. */
    static List<String> messagesOn(long ticket, String mark) {
        List<String> texts = new ArrayList<>();
        for (JsonNode txn : admin.history(ticket)) {
            String type = txn.path("Type").asText();
            if (type.equals("Create") || type.equals("Correspond")) {
                String text = admin.content(txn.path("id").asLong());
                if (text.contains(mark)) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    static String stream() {
        return karaf.health().path("channels").path("mastodon").path("stream").asText("");
    }

    static List<JsonNode> deliveriesOf(String eventType) {
        return x.webhooks().stream().filter(w -> eventType.equals(w.path("event_type").asText())).toList();
    }

    @Test
    @Order(1)
    void thePluginRegistersItsWebhookAndSubscriptionsProvenByTheCrc() throws Exception {
        String token = fixture.xToken();
        JsonNode ours = Await.until("the plugin's webhook registered and valid", SOON, () -> x.registeredWebhooks(token)
                .stream().filter(w -> Karaf.X_WEBHOOK.equals(w.path("url").asText()) && w.path("valid").asBoolean()).findFirst());
        assertEquals(1, x.registeredWebhooks(token).stream().filter(w -> Karaf.X_WEBHOOK.equals(w.path("url").asText())).count(),
                "registered once");
        assertTrue(x.webhooks().stream().anyMatch(w -> "crc_passed".equals(w.path("status").asText())
                && Karaf.X_WEBHOOK.equals(w.path("url").asText())), "X proved the URL by a CRC");
        String brand = fixture.xSimulator().brandId();
        for (String type : List.of("post.mention.create", "dm.received")) {
            List<JsonNode> subs = Await.until("a " + type + " subscription", SOON, () -> Optional.of(x.subscriptions(token)
                    .stream().filter(s -> type.equals(s.path("event_type").asText())).toList()).filter(l -> !l.isEmpty()));
            assertEquals(1, subs.size(), "one " + type + " subscription: " + subs);
            assertEquals(brand, subs.get(0).path("filter").path("user_id").asText());
            assertEquals(ours.path("id").asText(), subs.get(0).path("webhook_id").asText());
        }

        // The CRC as X sends it: the answer is the HMAC of the token under the consumer secret, nothing else.
        String crcToken = "crc-" + RUN;
        HttpResponse<String> crc = HTTP.send(HttpRequest.newBuilder(URI.create(Karaf.X_WEBHOOK + "?crc_token=" + crcToken))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, crc.statusCode(), crc.body());
        assertEquals("sha256=" + hmac(fixture.xConsumerSecret(), crcToken), Rt.JSON.readTree(crc.body()).path("response_token")
                .asText());
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(URI.create(Karaf.X_WEBHOOK)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(noToken.statusCode() >= 400 && noToken.statusCode() < 500, "a GET without crc_token: " + noToken.statusCode());
    }

    @Test
    @Order(2)
    void aMentionAndADirectMessageArriveByTheWebhook() {
        String handle = "rt_ana_" + RUN;
        x.customer(handle, "Ana " + RUN, 120, false);
        String mention = x.tweet(handle, "@acme my bag is missing " + RUN, null);
        long ticket = ticketFor("x:" + mention);
        assertTrue(deliveriesOf("post.mention.create").stream().anyMatch(w -> "delivered".equals(w.path("status").asText())
                && w.path("http_status").asInt() == 200), "X delivered the mention to the webhook");

        x.dm(handle, fixture.xSimulator().brandId(), "It is tag 7781 " + RUN);
        Await.until("the DM on the customer's open ticket", SOON, () -> messagesOn(ticket, "tag 7781 " + RUN).isEmpty()
                ? Optional.empty() : Optional.of(true));
        assertTrue(deliveriesOf("dm.received").stream().anyMatch(w -> w.path("http_status").asInt() == 200));
        assertEquals(1, admin.ticketsForConversation("x:" + mention).size());
    }

    @Test
    @Order(3)
    void aForgedDeliveryIsRefusedAndCountedAndTheGenuineRetryIsFiledOnce() {
        long forgedBefore = karaf.health().path("webhook:x").path("forged").asLong();
        x.webhookFault("forge", 1, 0);
        String mention = x.tweet("rt_ben_" + RUN, "@acme refund please " + RUN, null);
        JsonNode refused = Await.until("the forged delivery refused", SOON, () -> x.webhooks().stream()
                .filter(w -> w.path("forged").asBoolean()).findFirst());
        int status = refused.path("http_status").asInt();
        assertTrue(status == 401 || status == 403, "a forged signature is refused: " + refused);
        long ticket = ticketFor("x:" + mention); // X retries with the same bytes, signed right
        assertEquals(List.of(ticket), admin.ticketsForConversation("x:" + mention));
        Await.until("the forgery counted on the health page", SOON, () -> karaf.health().path("webhook:x").path("forged")
                .asLong() > forgedBefore ? Optional.of(true) : Optional.empty());
        assertTrue(deliveriesOf("post.mention.create").stream().anyMatch(w -> w.path("attempt").asInt() > 1
                && w.path("http_status").asInt() == 200), "the retry was delivered");
    }

    @Test
    @Order(4)
    void duplicatedDeliveriesAreAnsweredAndFiledOnce() {
        long duplicatesBefore = karaf.health().path("webhook:x").path("duplicateDeliveries").asLong();
        x.webhookFault("duplicate", 3, 0);
        List<String> mentions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mentions.add(x.tweet("rt_dup" + i + "_" + RUN, "@acme my seat " + i + " is broken " + RUN, null));
        }
        for (String m : mentions) {
            long ticket = ticketFor("x:" + m);
            assertEquals(List.of(ticket), admin.ticketsForConversation("x:" + m), m + " on exactly one ticket");
            assertEquals(1, messagesOn(ticket, RUN).size(), "the message once on its ticket");
        }
        assertTrue(x.webhooks().stream().filter(w -> w.path("duplicate").asBoolean()).allMatch(w -> w.path("http_status")
                .asInt() == 200), "a duplicate is answered 200 so X stops sending it");
        Await.until("the duplicates counted", SOON, () -> karaf.health().path("webhook:x").path("duplicateDeliveries")
                .asLong() >= duplicatesBefore + 3 ? Optional.of(true) : Optional.empty());
    }

    @Test
    @Order(5)
    void deliveriesOutOfOrderAreFiledInTheCustomersOrder() {
        String handle = "rt_cy_" + RUN;
        // The thread starts by poll-free webhook delivery; the next three come newest first.
        String first = x.tweet(handle, "@acme part 1 of my story " + RUN, null);
        long ticket = ticketFor("x:" + first);
        x.webhookFault("reorder", 3, 0);
        String previous = first;
        for (int i = 2; i <= 4; i++) {
            previous = x.tweet(handle, "@acme part " + i + " of my story " + RUN, previous);
        }
        List<String> parts = Await.until("all four parts on the ticket", SOON, () -> Optional.of(messagesOn(ticket,
                "of my story " + RUN)).filter(l -> l.size() >= 4));
        assertEquals(4, parts.size(), "each part once: " + parts);
        for (int i = 0; i < 4; i++) {
            assertTrue(parts.get(i).contains("part " + (i + 1) + " of my story"), "part " + (i + 1) + " in place " + (i + 1)
                    + ": " + parts);
        }
        assertEquals(List.of(ticket), admin.ticketsForConversation("x:" + first));
    }

    @Test
    @Order(6)
    void manyConversationsAtOnceKeepEachOnesOrder() {
        int customers = 12;
        int each = 4;
        List<String> roots = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String id = x.tweet("rt_many" + c + "_" + RUN, "@acme crowd " + c + " message 1 " + RUN, null);
            roots.add(id);
            last.add(id);
        }
        // Interleaved across customers, in order within each: what the filing must keep.
        for (int i = 2; i <= each; i++) {
            for (int c = 0; c < customers; c++) {
                last.set(c, x.tweet("rt_many" + c + "_" + RUN, "@acme crowd " + c + " message " + i + " " + RUN, last.get(c)));
            }
        }
        for (int c = 0; c < customers; c++) {
            long ticket = ticketFor("x:" + roots.get(c));
            String mark = "crowd " + c + " message ";
            List<String> texts = Await.until("all of customer " + c + "'s messages", CROWD, () -> Optional.of(messagesOn(ticket,
                    mark)).filter(l -> l.size() >= each));
            assertEquals(each, texts.size(), "customer " + c + ": " + texts);
            for (int i = 0; i < each; i++) {
                assertTrue(texts.get(i).contains(mark + (i + 1) + " "), "customer " + c + " in order: " + texts);
            }
            assertEquals(List.of(ticket), admin.ticketsForConversation("x:" + roots.get(c)));
        }
    }

    @Test
    @Order(7)
    void aDroppedStreamLosesNothingPostedInTheGap() {
        Await.until("the stream connected", SOON, () -> stream().equals("connected") ? Optional.of(true) : Optional.empty());
        String acct = "sofi_" + RUN;
        mastodon.customer(acct, "Sofi S", 40);
        String first = mastodon.post(acct, "@acme my luggage went to Oslo " + RUN, "public", null);
        long ticket = ticketFor("mastodon:" + first);

        JsonNode dropped = mastodon.call("POST", "/sim/streaming/drop", null, Rt.JSON.createObjectNode().put("refuse_seconds", 6));
        assertTrue(dropped.path("dropped").asInt() >= 1, "the plugin's stream was open: " + dropped);
        Await.until("the plugin seeing the stream gone", SOON, () -> stream().equals("connected") ? Optional.empty()
                : Optional.of(true));
        // Posted while the server refuses the stream: only the catch-up on reconnect can bring them.
        String inThread = mastodon.post(acct, "@acme still in Oslo, day two " + RUN, "public", first);
        String other = mastodon.post("tomas_" + RUN, "@acme my seat was given away " + RUN, "public", null);
        String third = mastodon.post("ulla_" + RUN, "@acme no refund yet " + RUN, "public", null);

        long tomas = ticketFor("mastodon:" + other);
        long ulla = ticketFor("mastodon:" + third);
        Await.until("the reply in the thread on the first ticket", SOON, () -> messagesOn(ticket, "day two " + RUN).isEmpty()
                ? Optional.empty() : Optional.of(true));
        Await.until("the stream connected again", SOON, () -> stream().equals("connected") ? Optional.of(true) : Optional.empty());

        assertEquals(List.of(ticket), admin.ticketsForConversation("mastodon:" + first));
        assertEquals(List.of(tomas), admin.ticketsForConversation("mastodon:" + other));
        assertEquals(List.of(ulla), admin.ticketsForConversation("mastodon:" + third));
        assertEquals(1, messagesOn(ticket, "went to Oslo " + RUN).size(), "streamed and caught up, on the ticket once");
        assertEquals(1, messagesOn(ticket, "day two " + RUN).size());
        assertTrue(admin.ticketsForConversation("mastodon:" + inThread).isEmpty() || admin.ticketsForConversation(
                "mastodon:" + inThread).equals(List.of(ticket)), "the thread's reply opened no ticket of its own");

        // After the gap the stream carries new mentions again.
        String after = mastodon.post("vera_" + RUN, "@acme thanks for the voucher " + RUN, "public", null);
        ticketFor("mastodon:" + after);
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
