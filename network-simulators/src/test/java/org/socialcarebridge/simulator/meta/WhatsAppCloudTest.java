package org.socialcarebridge.simulator.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The WhatsApp Cloud API on the Meta simulator: webhooks, sends, statuses, templates and limits over real HTTP. */
class WhatsAppCloudTest extends MetaSimulatorFixture {
    static final String OLGA = "31612345678";
    static final String PIET = "31687654321";

    /** A Cloud API call with the system-user token as a bearer, as Meta's examples do. */
    Answer cloud(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v23.0" + path))
                .header("Authorization", "Bearer " + WHATSAPP_TOKEN).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isBlank() ? null : json.readTree(r.body()), r);
    }

    JsonNode customer(String from, String name, String text) throws Exception {
        Answer a = control("POST", "/sim/whatsapp/messages", "{\"from\":\"" + from + "\",\"name\":\"" + name
                + "\",\"text\":\"" + text + "\"}");
        assertEquals(201, a.status(), a.raw().body());
        return a.body();
    }

    Answer text(String to, String body) throws Exception {
        return cloud("POST", "/" + sim.whatsappPhoneNumberId() + "/messages", "{\"messaging_product\":\"whatsapp\","
                + "\"recipient_type\":\"individual\",\"to\":\"" + to + "\",\"type\":\"text\",\"text\":{\"body\":\"" + body
                + "\",\"preview_url\":false}}");
    }

    Answer template(String to, String name, String... parameters) throws Exception {
        StringBuilder params = new StringBuilder();
        for (String p : parameters) {
            params.append(params.length() == 0 ? "" : ",").append("{\"type\":\"text\",\"text\":")
                    .append(json.writeValueAsString(p)).append("}");
        }
        return cloud("POST", "/" + sim.whatsappPhoneNumberId() + "/messages", "{\"messaging_product\":\"whatsapp\","
                + "\"recipient_type\":\"individual\",\"to\":\"" + to + "\",\"type\":\"template\",\"template\":{\"name\":\""
                + name + "\",\"language\":{\"code\":\"en_US\"}" + (parameters.length == 0 ? ""
                : ",\"components\":[{\"type\":\"body\",\"parameters\":[" + params + "]}]") + "}}");
    }

    /** Every status of the deliveries so far, in the order they went out. */
    List<JsonNode> statuses() {
        List<JsonNode> all = new ArrayList<>();
        for (Received d : receiver.deliveries) {
            assertTrue(d.signed(), "signed with the app secret like the Page's webhooks");
            for (JsonNode entry : d.json().get("entry")) {
                for (JsonNode change : entry.get("changes")) {
                    change.at("/value/statuses").forEach(all::add);
                }
            }
        }
        return all;
    }

    static void assertCloudError(Answer a, int code) {
        assertGraphError(a, code, null);
        assertTrue(a.body().at("/error/message").asText().startsWith("(#" + code + ")"), a.raw().body());
        assertEquals("whatsapp", a.body().at("/error/error_data/messaging_product").asText());
        assertFalse(a.body().at("/error/error_data/details").asText().isEmpty());
    }

    @Test
    void aCustomersMessageIsASignedWhatsAppBusinessAccountWebhook() throws Exception {
        JsonNode m = customer(OLGA, "Olga", "Where is my order?");
        assertEquals(OLGA, m.get("wa_id").asText());
        assertTrue(m.get("wamid").asText().startsWith("wamid."));
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        Received d = receiver.deliveries.get(0);
        assertTrue(d.signed());
        assertEquals("whatsapp_business_account", d.json().get("object").asText());
        assertEquals("102000000000001", d.json().at("/entry/0/id").asText());
        JsonNode change = d.json().at("/entry/0/changes/0");
        assertEquals("messages", change.get("field").asText());
        JsonNode value = change.get("value");
        assertEquals("whatsapp", value.get("messaging_product").asText());
        assertEquals("15550001234", value.at("/metadata/display_phone_number").asText());
        assertEquals("106000000000001", value.at("/metadata/phone_number_id").asText());
        assertEquals("Olga", value.at("/contacts/0/profile/name").asText());
        assertEquals(OLGA, value.at("/contacts/0/wa_id").asText());
        JsonNode message = value.at("/messages/0");
        assertEquals(OLGA, message.get("from").asText());
        assertEquals(m.get("wamid").asText(), message.get("id").asText());
        assertTrue(message.get("timestamp").isTextual() && message.get("timestamp").asText().matches("\\d{10}"));
        assertEquals("text", message.get("type").asText());
        assertEquals("Where is my order?", message.at("/text/body").asText());
        assertEquals("whatsapp_business_account", control("GET", "/sim/webhooks", null).body().get(0).get("object").asText());
    }

    @Test
    void aBatchGroupsUpdatesAcrossEntriesChangesAndMessages() throws Exception {
        assertEquals(201, control("POST", "/sim/faults", "{\"webhook\":\"batch\",\"count\":5}").status());
        customer(OLGA, "Olga", "one");
        customer(OLGA, "Olga", "two");
        customer(PIET, "Piet", "three");
        assertEquals(200, text(OLGA, "Hello").status());
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size(), "five updates in ONE delivery");
        JsonNode entries = receiver.deliveries.get(0).json().get("entry");
        assertEquals(2, entries.size(), "messages, then statuses: " + entries);
        assertEquals(2, entries.at("/0/changes").size(), "one change per sender");
        assertEquals(2, entries.at("/0/changes/0/value/messages").size());
        assertEquals("one", entries.at("/0/changes/0/value/messages/0/text/body").asText());
        assertEquals("two", entries.at("/0/changes/0/value/messages/1/text/body").asText());
        assertEquals("three", entries.at("/0/changes/1/value/messages/0/text/body").asText());
        assertEquals(PIET, entries.at("/0/changes/1/value/contacts/0/wa_id").asText());
        assertEquals(List.of("delivered", "sent"), statuses().stream().map(s -> s.get("status").asText()).toList());
        assertEquals(5, control("GET", "/sim/webhooks", null).body().get(0).get("entries").asInt());
    }

    @Test
    void forgedAndDuplicatedDeliveriesApplyToWhatsAppAsToThePage() throws Exception {
        assertEquals(201, control("POST", "/sim/faults", "{\"webhook\":\"forge\",\"count\":1}").status());
        JsonNode first = customer(OLGA, "Olga", "hi");
        sim.deliverDue();
        assertEquals(2, receiver.deliveries.size(), "forged and refused, then retried at once with the right signature");
        assertFalse(receiver.deliveries.get(0).signed());
        assertEquals(first.get("wamid").asText(), receiver.deliveries.get(1).json().at("/entry/0/changes/0/value/messages/0/id")
                .asText());

        assertEquals(201, control("POST", "/sim/faults", "{\"webhook\":\"duplicate\",\"count\":1}").status());
        JsonNode second = customer(OLGA, "Olga", "again");
        sim.deliverDue();
        assertEquals(4, receiver.deliveries.size());
        assertEquals(new String(receiver.deliveries.get(2).body(), java.nio.charset.StandardCharsets.US_ASCII),
                new String(receiver.deliveries.get(3).body(), java.nio.charset.StandardCharsets.US_ASCII), "the same bytes twice");
        assertEquals(second.get("wamid").asText(), receiver.deliveries.get(3).json().at("/entry/0/changes/0/value/messages/0/id")
                .asText());
        JsonNode log = control("GET", "/sim/webhooks", null).body();
        assertTrue(log.get(3).get("duplicate").asBoolean());
        assertEquals("whatsapp_business_account", log.get(3).get("object").asText());
    }

    @Test
    void anAcceptedTextIsFollowedByDeliveredThenSentInTwoDeliveries() throws Exception {
        customer(OLGA, "Olga", "hi");
        Answer a = text(OLGA, "Hello Olga");
        assertEquals(200, a.status(), a.raw().body());
        assertEquals("whatsapp", a.body().get("messaging_product").asText());
        assertEquals(OLGA, a.body().at("/contacts/0/input").asText());
        assertEquals(OLGA, a.body().at("/contacts/0/wa_id").asText());
        String wamid = a.body().at("/messages/0/id").asText();
        assertTrue(wamid.startsWith("wamid."));
        sim.deliverDue();
        assertEquals(3, receiver.deliveries.size(), "the message, then each status in its own delivery");
        List<JsonNode> statuses = statuses();
        assertEquals(List.of("delivered", "sent"), statuses.stream().map(s -> s.get("status").asText()).toList());
        for (JsonNode s : statuses) {
            assertEquals(wamid, s.get("id").asText());
            assertEquals(OLGA, s.get("recipient_id").asText());
            assertTrue(s.get("timestamp").asText().matches("\\d{10}"));
        }
        JsonNode sent = control("GET", "/sim/sent", null).body().get(0);
        assertEquals("whatsapp", sent.get("channel").asText());
        assertEquals("text", sent.get("kind").asText());
        assertEquals(OLGA, sent.get("to").asText());
        assertEquals(wamid, sent.get("wamid").asText());

        Answer read = control("POST", "/sim/whatsapp/statuses", "{\"wamid\":\"" + wamid + "\",\"status\":\"read\"}");
        assertEquals(201, read.status(), read.raw().body());
        sim.deliverDue();
        assertEquals("read", statuses().get(2).get("status").asText());
        assertEquals(400, control("POST", "/sim/whatsapp/statuses", "{\"wamid\":\"wamid.nope\",\"status\":\"read\"}").status());
    }

    @Test
    void freeTextAfterTheWindowIsAcceptedThenFailsWith131047WhileATemplateGoes() throws Exception {
        customer(OLGA, "Olga", "hi");
        advance(24 * 3600 + 1);
        Answer late = text(OLGA, "Sorry for the wait");
        assertEquals(200, late.status(), "accepted, as the live API does: " + late.raw().body());
        sim.deliverDue();
        JsonNode failed = statuses().get(0);
        assertEquals("failed", failed.get("status").asText());
        assertEquals(late.body().at("/messages/0/id").asText(), failed.get("id").asText());
        assertEquals(131047, failed.at("/errors/0/code").asInt());
        assertEquals("Re-engagement message", failed.at("/errors/0/title").asText());
        assertTrue(failed.at("/errors/0/error_data/details").asText().contains("24 hours"));
        assertEquals(1, statuses().size(), "no delivered or sent for a failed message");

        Answer t = template(OLGA, "follow_up", "your refund");
        assertEquals(200, t.status(), t.raw().body());
        sim.deliverDue();
        assertEquals(List.of("failed", "delivered", "sent"), statuses().stream().map(s -> s.get("status").asText()).toList());
    }

    @Test
    void templatesAreSentWithTheirParametersOrRefusedWith132000132001132018() throws Exception {
        customer(OLGA, "Olga", "hi");
        Answer ok = template(OLGA, "order_update", "Olga", "it ships today");
        assertEquals(200, ok.status(), ok.raw().body());
        assertEquals("accepted", ok.body().at("/messages/0/message_status").asText());
        JsonNode sent = control("GET", "/sim/sent", null).body().get(0);
        assertEquals("template", sent.get("kind").asText());
        assertEquals("order_update", sent.get("template").asText());
        assertEquals(List.of("Olga", "it ships today"), List.of(sent.at("/parameters/0").asText(), sent.at("/parameters/1").asText()));
        assertEquals("Hello Olga, here is an update on your request: it ships today", sent.get("text").asText());

        assertCloudError(template(OLGA, "order_update", "Olga"), 132000);
        assertCloudError(template(OLGA, "no_such_template", "x"), 132001);
        assertCloudError(template(OLGA, "spring_sale", "20% off"), 132001);
        assertCloudError(template(OLGA, "follow_up", "two\nlines"), 132018);
        assertCloudError(template(OLGA, "follow_up", "wide     gap"), 132018);
        assertEquals(1, control("GET", "/sim/sent", null).body().size(), "nothing refused was sent");

        Answer changed = control("POST", "/sim/whatsapp/templates", "{\"name\":\"spring_sale\",\"language\":\"en_US\","
                + "\"body\":\"Spring sale: {{1}}\",\"status\":\"APPROVED\"}");
        assertEquals(201, changed.status(), changed.raw().body());
        assertEquals(200, template(OLGA, "spring_sale", "20% off").status());
    }

    @Test
    void theTemplateListShowsEveryStatusAndHonoursTheStatusFilterAndPaging() throws Exception {
        String waba = "/" + sim.whatsappBusinessAccountId() + "/message_templates?fields=name,status,language,components";
        JsonNode all = cloud("GET", waba + "&limit=100", null).body();
        List<String> names = new ArrayList<>();
        all.get("data").forEach(t -> names.add(t.get("name").asText() + ":" + t.get("status").asText()));
        assertEquals(List.of("order_update:APPROVED", "follow_up:APPROVED", "csat_survey:APPROVED", "spring_sale:PENDING"), names);
        JsonNode first = all.at("/data/0");
        assertEquals("en_US", first.get("language").asText());
        assertEquals("BODY", first.at("/components/0/type").asText());
        assertEquals("Hello {{1}}, here is an update on your request: {{2}}", first.at("/components/0/text").asText());
        assertFalse(first.get("id").asText().isEmpty());

        JsonNode approved = cloud("GET", waba + "&status=APPROVED", null).body();
        assertEquals(3, approved.get("data").size());
        approved.get("data").forEach(t -> assertEquals("APPROVED", t.get("status").asText()));

        JsonNode page1 = cloud("GET", waba + "&limit=2", null).body();
        assertEquals(2, page1.get("data").size());
        assertTrue(page1.at("/paging/next").isTextual());
        JsonNode page2 = cloud("GET", waba + "&limit=2&after=" + page1.at("/paging/cursors/after").asText(), null).body();
        assertEquals("csat_survey", page2.at("/data/0/name").asText());
        assertTrue(page2.at("/paging/next").isMissingNode());
    }

    @Test
    void aBurstOfMoreThan45ToOneNumberHitsThePairRateLimit() throws Exception {
        customer(OLGA, "Olga", "hi");
        for (int i = 0; i < WhatsAppCloud.PAIR_BURST; i++) {
            Answer a = text(OLGA, "update " + i);
            assertEquals(200, a.status(), a.raw().body());
        }
        Answer refused = text(OLGA, "one too many");
        assertCloudError(refused, 131056);
        assertEquals(200, text(PIET, "another customer is not limited").status());
        advance(WhatsAppCloud.PAIR_REFILL_SECONDS);
        assertEquals(200, text(OLGA, "one more after 6 seconds").status());
    }

    @Test
    void markReadIsRecordedAndTheTokenIsTheSystemUsersOwn() throws Exception {
        JsonNode m = customer(OLGA, "Olga", "hi");
        Answer read = cloud("POST", "/" + sim.whatsappPhoneNumberId() + "/messages", "{\"messaging_product\":\"whatsapp\","
                + "\"status\":\"read\",\"message_id\":\"" + m.get("wamid").asText() + "\"}");
        assertEquals(200, read.status(), read.raw().body());
        assertTrue(read.body().get("success").asBoolean());
        JsonNode action = control("GET", "/sim/whatsapp/actions", null).body().get(0);
        assertEquals("read", action.get("action").asText());
        assertEquals(m.get("wamid").asText(), action.get("message_id").asText());
        assertFalse(action.get("at").asText().isEmpty());
        assertGraphError(cloud("POST", "/" + sim.whatsappPhoneNumberId() + "/messages", "{\"messaging_product\":\"whatsapp\","
                + "\"status\":\"read\",\"message_id\":\"wamid.unknown\"}"), 100, null);

        // The Page token does not open the WhatsApp account; the system user's works in the query too.
        assertGraphError(graph("GET", "/" + sim.whatsappBusinessAccountId() + "/message_templates", null), 190, null);
        Answer query = call("GET", "/v23.0/" + sim.whatsappPhoneNumberId() + "?access_token=" + WHATSAPP_TOKEN, null, null);
        assertEquals("15550001234", query.body().get("display_phone_number").asText());
    }
}
