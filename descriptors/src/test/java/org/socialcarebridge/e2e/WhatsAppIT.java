package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WhatsApp end to end (issue 16): the Meta simulator's Cloud API delivers signed
 * {@code whatsapp_business_account} webhooks to the assembled Karaf, whose WhatsApp channel files every
 * message of a batch on one open ticket per customer and business number in the real RT; agents answer in
 * free text inside the 24-hour window and, after it, only with an approved template picked in Social
 * Template (kept equal to the account's), a free-text reply being refused before anything is sent; the
 * statuses show on Social Delivery and never move backwards; Meta's 131047 shows as a failure; the survey
 * goes as the administrator's template after the window.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhatsAppIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("whatsapp").withInstagramAndWhatsApp().startedByTheTest();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);
    /** Numbers of this run: 1555 then 7 digits that differ between runs. */
    static final long BASE = 15550000000L + (System.currentTimeMillis() % 9000) * 1000;

    static MetaSim meta;
    static Rt admin;
    static Rt agent;

    @BeforeAll
    static void start() throws Exception {
        meta = fixture.meta();
        Karaf karaf = fixture.karaf();
        karaf.writeConfig("org.socialcarebridge.followup", "survey.delay = 2s\nsurvey.cap = 0s\n"
                + "survey.templates = whatsapp:csat_survey\n");
        karaf.start();
        RtAccounts accounts = RtAccounts.ofThisRun();
        admin = accounts.admin.login();
        agent = accounts.agent.login();
        karaf.awaitRunning(Duration.ofSeconds(60), "x", "whatsapp");
    }

    static String number(int i) {
        return Long.toString(BASE + i);
    }

    static String conversation(String waId) {
        return "whatsapp:" + EndToEnd.WHATSAPP_NUMBER + ":" + waId;
    }

    static long ticketFor(String waId) {
        return Await.until("a ticket for " + waId, SOON, () -> admin.ticketForConversation(conversation(waId)));
    }

    static JsonNode reply(long ticket, String text) {
        return Await.until("the reply '" + text + "'", SOON, () -> admin.history(ticket).stream()
                .filter(h -> "Correspond".equals(h.path("Type").asText()))
                .filter(h -> admin.content(h.path("id").asLong()).contains(text)).findFirst());
    }

    static String delivery(long ticket, String text) {
        return Rt.field(reply(ticket, text), "Social Delivery");
    }

    static JsonNode delivered(long ticket, String text, String startsWith) {
        return admin.replyDelivered(ticket, text, startsWith, SOON);
    }

    static void commented(long ticket, String what, String... parts) {
        admin.commentSaying(ticket, what, SOON, parts);
    }

    static JsonNode sent(String kind, String text) {
        return Await.until("the business sent a WhatsApp " + kind + " '" + text + "'", SOON, () -> meta.sent("whatsapp", kind)
                .stream().filter(s -> s.path("text").asText().contains(text)).findFirst());
    }

    static String field(long ticket, String field, String startsWith) {
        return Await.until(field + " '" + startsWith + "…'", SOON, () -> Optional.ofNullable(Rt.field(admin.ticket(ticket), field))
                .filter(v -> v.startsWith(startsWith)));
    }

    /** Sends to the simulator's Cloud API that were not refused there: what reached WhatsApp. */
    static long sendsToWhatsApp() {
        return meta.requests().stream().filter(r -> "POST".equals(r.path("method").asText())
                && r.path("path").asText().endsWith(EndToEnd.WHATSAPP_NUMBER + "/messages")).count();
    }

    @Test
    @Order(1)
    void aMessageIsATicketAnsweredInFreeTextAndItsStatusesNeverGoBack() {
        String ana = number(1);
        JsonNode first = meta.whatsappMessage(ana, "Ana " + RUN, "My card was charged twice " + RUN, Duration.ZERO);
        long ticket = ticketFor(ana);
        JsonNode t = admin.ticket(ticket);
        assertEquals("WhatsApp", Rt.field(t, "Social Network"));
        assertEquals("Private", Rt.field(t, "Social Reply Choices"), "WhatsApp is always private");
        meta.whatsappMessage(ana, "Ana " + RUN, "It was order 12 " + RUN, Duration.ZERO);
        Await.until("her second message on the same ticket", SOON, () -> admin.history(ticket).stream()
                .anyMatch(h -> admin.content(h.path("id").asLong()).contains("It was order 12 " + RUN)) ? Optional.of(true)
                : Optional.empty());
        assertEquals(List.of(ticket), admin.ticketsForConversation(conversation(ana)), "one open ticket per customer and number");

        agent.reply(ticket, "Refunded the second charge " + RUN, null);
        // The simulator reports delivered before sent, as WhatsApp may: sent is old news then.
        delivered(ticket, "Refunded the second charge " + RUN, "delivered");
        JsonNode a = sent("text", "Refunded the second charge " + RUN);
        assertEquals(ana, a.path("to").asText());
        Await.until("her newest message marked read", SOON, () -> meta.whatsappActions().stream()
                .filter(x -> "read".equals(x.path("action").asText())).map(x -> x.path("message_id").asText())
                .filter(id -> !id.equals(first.path("wamid").asText()) && !id.isEmpty()).findFirst());

        String wamid = a.path("wamid").asText();
        meta.whatsappStatus(wamid, "read", null);
        delivered(ticket, "Refunded the second charge " + RUN, "read");
        meta.whatsappStatus(wamid, "delivered", null); // late and out of order
        // A later reply's statuses come through the same webhook after it: once they show, the old news was read.
        agent.reply(ticket, "Anything else? " + RUN, null);
        delivered(ticket, "Anything else? " + RUN, "delivered");
        assertTrue(delivery(ticket, "Refunded the second charge " + RUN).startsWith("read"),
                "read stays read: " + delivery(ticket, "Refunded the second charge " + RUN));
    }

    @Test
    @Order(2)
    void theAgentsPickFromTheAccountsApprovedTemplatesKeptInSync() {
        List<String> offered = Await.until("the approved templates offered in RT", SOON, () -> Optional.of(
                admin.fieldValues("Social Template")).filter(v -> v.contains("order_update")));
        assertTrue(offered.containsAll(List.of("order_update", "follow_up", "csat_survey")), offered.toString());
        assertFalse(offered.contains("spring_sale"), "a template waiting for approval is not offered: " + offered);
        meta.whatsappTemplate("delivery_slot", "en_US", "Your delivery slot is {{1}}.", "APPROVED");
        Await.until("a newly approved template offered", SOON, () -> Optional.of(admin.fieldValues("Social Template"))
                .filter(v -> v.contains("delivery_slot")));
    }

    @Test
    @Order(3)
    void afterTheWindowFreeTextIsRefusedAndTheTemplateGoesInstead() {
        String ben = number(2);
        meta.whatsappMessage(ben, "Ben " + RUN, "Still no news about my claim " + RUN, Duration.ofDays(2));
        long ticket = ticketFor(ben);
        field(ticket, "Social Reply Window", "Private: only an approved template now");

        int before = meta.sent().size();
        long sends = sendsToWhatsApp();
        agent.reply(ticket, "Your claim is approved " + RUN, null);
        delivered(ticket, "Your claim is approved " + RUN, "refused");
        commented(ticket, "a comment explaining the window and the templates", "NOT delivered", "24 hours", "Social Template");
        assertEquals(before, meta.sent().size(), "nothing was sent");
        assertEquals(sends, sendsToWhatsApp(), "not even tried on WhatsApp");

        agent.reply(ticket, "one line only " + RUN, null, Map.of("Social Template", "order_update"));
        // Checked against the template before anything is sent: the reply fails with what to write.
        delivered(ticket, "one line only " + RUN, "failed");
        commented(ticket, "a comment on the template's placeholders", "NOT delivered", "2 placeholders");
        assertEquals(sends, sendsToWhatsApp(), "the template with a missing value was not tried on WhatsApp");

        agent.reply(ticket, "your claim " + RUN + " is approved", null, Map.of("Social Template", "follow_up"));
        delivered(ticket, "your claim " + RUN + " is approved", "delivered");
        JsonNode template = sent("template", "your claim " + RUN + " is approved");
        assertEquals("follow_up", template.path("template").asText());
        assertEquals(ben, template.path("to").asText());
        assertEquals("your claim " + RUN + " is approved", template.path("parameters").path(0).asText());
    }

    @Test
    @Order(4)
    void theSurveyAfterTheWindowGoesAsTheAdministratorsTemplateAndItsAnswerCounts() {
        String cai = number(3);
        meta.whatsappMessage(cai, "Cai " + RUN, "Can I change my flight? " + RUN, Duration.ofDays(2));
        long ticket = ticketFor(cai);
        agent.reply(ticket, "it is changed " + RUN, null, Map.of("Social Template", "follow_up"));
        delivered(ticket, "it is changed " + RUN, "delivered");
        agent.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().put("Status", "resolved"));

        JsonNode survey = Await.until("the survey as the csat_survey template", SOON, () -> meta.sent("whatsapp", "template")
                .stream().filter(s -> cai.equals(s.path("to").asText()) && "csat_survey".equals(s.path("template").asText()))
                .findFirst());
        assertEquals("Cai " + RUN, survey.path("parameters").path(0).asText(), "its placeholder is the customer's name");
        field(ticket, "Social Survey", "sent");
        String closing = Rt.field(admin.ticket(ticket), "Social Closing");
        assertTrue(closing == null || !closing.startsWith("sent"), "no public closing without a public thread: " + closing);

        meta.whatsappMessage(cai, "Cai " + RUN, "5", Duration.ZERO);
        assertEquals("5", field(ticket, "Social CSAT", "5"));
    }

    @Test
    @Order(5)
    void everyMessageOfABatchOfFiftyIsFiledOnce() {
        int logged = meta.webhooks().size();
        meta.webhookFault("batch", 50);
        meta.webhookFault("duplicate", 5);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            numbers.add(meta.whatsappMessage(number(100 + i), "Batch" + i + " " + RUN, "Batch message " + i + " " + RUN,
                    Duration.ZERO).path("wa_id").asText());
        }
        Set<Long> tickets = new HashSet<>();
        for (String waId : numbers) {
            tickets.add(ticketFor(waId));
        }
        assertEquals(50, tickets.size());
        for (String waId : numbers) {
            assertEquals(1, admin.ticketsForConversation(conversation(waId)).size(), waId + " is on exactly one ticket");
        }
        long deliveries = meta.webhooks().stream().skip(logged).filter(w -> "whatsapp_business_account".equals(
                w.path("object").asText()) && !w.path("duplicate").asBoolean() && w.path("attempt").asInt() == 1).count();
        assertTrue(deliveries < 50, "the 50 messages came batched, several to a delivery: " + deliveries + " deliveries");
    }

    @Test
    @Order(9) // last: it moves the simulator's clock a day on
    void metasFailureOfASentReplyShowsWithItsCode() {
        String dee = number(4);
        meta.whatsappMessage(dee, "Dee " + RUN, "Hello? " + RUN, Duration.ZERO);
        long ticket = ticketFor(dee);
        // WhatsApp's clock runs ahead of the plugin's: the plugin still sees the window open, WhatsApp does not.
        meta.advanceClock(Duration.ofHours(25));
        agent.reply(ticket, "We are here " + RUN, null);
        String failed = Rt.field(delivered(ticket, "We are here " + RUN, "failed"), "Social Delivery");
        assertTrue(failed.contains("WhatsApp error 131047") && failed.contains("Re-engagement message"), failed);
        commented(ticket, "a comment saying it was not delivered", "NOT delivered", "131047");
    }
}
