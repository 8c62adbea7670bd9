package org.socialcarebridge.component.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * {@code whatsapp:post} through the network client against a stand-in Graph API: free text and templates in
 * the Cloud API's shapes, refusals before any call where the plugin can tell, Meta's errors as the domain's,
 * the read receipt after the send; and the template sync that feeds it.
 */
class WhatsAppComponentTest {
    // Random per run: no token is written into the tests.
    static final String TOKEN = "wa-token-" + UUID.randomUUID();
    static final String WABA = "102000000000001";
    static final String NUMBER = "106000000000001";
    static final String CUSTOMER = "4915112345678";

    final ObjectMapper json = new ObjectMapper();
    final DefaultCamelContext camel = new DefaultCamelContext();
    final List<List<MessageTemplate>> offered = new ArrayList<>();
    final ChannelStatus status = new Health().channel("whatsapp");
    FakeGraph graph;
    WhatsAppComponent component;
    WhatsAppNetworkClient whatsapp;
    int sent;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph(this::cloudApi);
        WhatsAppConfiguration configuration = WhatsAppConfiguration.from(WhatsAppSettings.from(Map.of("enabled", "true",
                "graphUrl", graph.baseUrl(), "businessAccountId", WABA, "phoneNumberId", NUMBER, "accessToken", TOKEN)));
        CloudApi api = new CloudApi(new HttpCall(camel), configuration, json, Clock.systemUTC());
        ApprovedTemplates templates = new ApprovedTemplates(api, (network, list) -> offered.add(list), status,
                Clock.systemUTC());
        component = new WhatsAppComponent(configuration, api, templates);
        camel.addComponent(WhatsAppComponent.SCHEME, component);
        camel.start();
        whatsapp = new WhatsAppNetworkClient(component);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        graph.close();
    }

    /** The Cloud API as the contract draws it: two pages of templates, a wamid per send. */
    FakeGraph.Answer cloudApi(FakeGraph.Request r) {
        if (r.path().startsWith("/v23.0/" + WABA + "/message_templates")) {
            if (!r.path().contains("after=")) {
                return FakeGraph.Answer.ok("{\"data\":[" + template("order_update", "APPROVED",
                        "Hello {{1}}, here is an update on your request: {{2}}") + "," + template("spring_sale", "PENDING",
                        "Spring sale: {{1}}") + "],\"paging\":{\"cursors\":{\"before\":\"b1\",\"after\":\"c1\"},\"next\":\"more\"}}");
            }
            return FakeGraph.Answer.ok("{\"data\":[" + template("follow_up", "APPROVED",
                    "We have news about your request: {{1}}. Reply to this message to continue.") + ","
                    + template("csat_survey", "APPROVED", "How did we do, {{1}}? Reply with a number from 1 (poor) to 5 (great).")
                    + "," + template("old_offer", "REJECTED", "Old") + "],\"paging\":{\"cursors\":{\"before\":\"c1\",\"after\":\"c2\"}}}");
        }
        if (r.path().equals("/v23.0/" + NUMBER + "/messages")) {
            if (r.body().contains("\"status\":\"read\"")) {
                return FakeGraph.Answer.ok("{\"success\":true}");
            }
            sent++;
            return FakeGraph.Answer.ok("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + CUSTOMER
                    + "\",\"wa_id\":\"" + CUSTOMER + "\"}],\"messages\":[{\"id\":\"wamid.sent" + sent + "\"}]}");
        }
        return new FakeGraph.Answer(404, "{\"error\":{\"message\":\"Unknown path " + r.path() + "\",\"code\":100}}");
    }

    static String template(String name, String status, String body) {
        return "{\"id\":\"" + Math.abs(name.hashCode()) + "\",\"name\":\"" + name + "\",\"status\":\"" + status
                + "\",\"language\":\"en_US\",\"category\":\"UTILITY\",\"components\":[{\"type\":\"HEADER\",\"format\":\"TEXT\","
                + "\"text\":\"Header {{1}} {{2}} {{3}}\"},{\"type\":\"BODY\",\"text\":\"" + body + "\"}]}";
    }

    static OutboundPost reply(String text, String template) {
        return new OutboundPost(WhatsAppChannel.WHATSAPP, ReplyVisibility.PRIVATE, text, null, CUSTOMER, null,
                false, null, template);
    }

    @Test
    void freeTextGoesToTheCustomersNumber() throws Exception {
        PostedMessage posted = whatsapp.post(reply("Your parcel left today", null), "key-1");

        assertEquals("wamid.sent1", posted.id());
        assertNull(posted.url(), "a WhatsApp message has no address");
        FakeGraph.Request r = onlyRequest();
        assertEquals("POST", r.method());
        assertEquals("Bearer " + TOKEN, r.authorization(), "the token travels as a header only");
        assertFalse(r.path().contains(TOKEN));
        JsonNode body = json.readTree(r.body());
        assertEquals("whatsapp", body.get("messaging_product").asText());
        assertEquals("individual", body.get("recipient_type").asText());
        assertEquals(CUSTOMER, body.get("to").asText());
        assertEquals("text", body.get("type").asText());
        assertEquals("Your parcel left today", body.get("text").get("body").asText());
        assertFalse(body.get("text").get("preview_url").asBoolean());
    }

    @Test
    void aTemplateIsSentInItsLanguageWithOneParameterPerLine() throws Exception {
        component.templates().sync();
        graph.requests.clear();
        whatsapp.post(reply("Olga\nyour refund was sent today", "order_update"), null);

        JsonNode body = json.readTree(onlyRequest().body());
        assertEquals("template", body.get("type").asText());
        JsonNode template = body.get("template");
        assertEquals("order_update", template.get("name").asText());
        assertEquals("en_US", template.get("language").get("code").asText());
        JsonNode parameters = template.get("components").get(0).get("parameters");
        assertEquals("body", template.get("components").get(0).get("type").asText());
        assertEquals(2, parameters.size());
        assertEquals("Olga", parameters.get(0).get("text").asText());
        assertEquals("text", parameters.get(0).get("type").asText());
        assertEquals("your refund was sent today", parameters.get(1).get("text").asText());
    }

    @Test
    void aTemplateReplyBeforeTheFirstSyncReadsTheListFirstOrWaits() throws Exception {
        graph.answers = r -> new FakeGraph.Answer(503, "busy");
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> whatsapp.post(reply("Olga", "csat_survey"), null));
        assertTrue(e.getMessage().contains("csat_survey") && e.getMessage().contains("tried again"), e.getMessage());
        assertTrue(graph.requests.stream().noneMatch(r -> r.path().endsWith("/messages")), "nothing sent");

        graph.answers = this::cloudApi;
        graph.requests.clear();
        whatsapp.post(reply("Olga", "csat_survey"), null);
        assertEquals(List.of("GET", "GET", "POST"), graph.requests.stream().map(FakeGraph.Request::method).toList(),
                "the templates' two pages, then the send");
        assertEquals("csat_survey", json.readTree(graph.requests.get(2).body()).get("template").get("name").asText());
    }

    @Test
    void parametersThatDoNotFitAreRefusedBeforeAnyCall() {
        component.templates().sync();
        graph.requests.clear();
        PostRejectedException e = assertThrows(PostRejectedException.class,
                () -> whatsapp.post(reply("Only one line", "order_update"), null));
        assertTrue(e.getMessage().contains("order_update") && e.getMessage().contains("one line for each"), e.getMessage());
        assertEquals(List.of(), graph.requests, "nothing sent");
    }

    @Test
    void anUnknownOrUnapprovedTemplateIsRefusedNamingTheApprovedOnes() {
        component.templates().sync();
        graph.requests.clear();
        PostRejectedException e = assertThrows(PostRejectedException.class,
                () -> whatsapp.post(reply("20% off", "spring_sale"), null));
        assertTrue(e.getMessage().contains("'spring_sale'"), e.getMessage());
        assertTrue(e.getMessage().contains("csat_survey, follow_up, order_update"), e.getMessage());
        assertEquals(List.of(), graph.requests, "nothing sent");
    }

    @Test
    void theTemplateSyncKeepsOnlyApprovedTemplatesOfEveryPageAndOffersThem() {
        component.templates().sync();

        assertEquals(1, offered.size());
        assertEquals(List.of("csat_survey", "follow_up", "order_update"), offered.get(0).stream().map(MessageTemplate::name).toList());
        MessageTemplate update = offered.get(0).get(2);
        assertEquals(2, update.parameters(), "the BODY's placeholders, not the header's");
        assertEquals("en_US", update.language());
        assertEquals("Hello {{1}}, here is an update on your request: {{2}}", update.body());
        assertEquals(offered.get(0), component.templates().approved());
        assertEquals(2, graph.requests.size(), "both pages read");
        assertTrue(graph.requests.get(1).path().contains("after=c1"), graph.requests.get(1).path());
        assertEquals("running", status.toMap().get("state"));
    }

    @Test
    void aFailedSyncKeepsTheLastListAndShowsOnTheHealthLine() {
        component.templates().sync();
        graph.answers = r -> FakeGraph.Answer.error(190, "Error validating access token");
        component.templates().sync();

        assertEquals(1, offered.size(), "nothing new offered");
        assertEquals(3, component.templates().approved().size(), "the last list is kept");
        assertEquals("failing", status.toMap().get("state"));
        String error = String.valueOf(status.toMap().get("lastError"));
        assertTrue(error.contains("190") && error.contains("accessToken"), error);
    }

    @Test
    void rateLimitsAreRetriedLater() {
        graph.answers = r -> FakeGraph.Answer.error(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit");
        Instant before = Instant.now();
        RateLimitedException pair = assertThrows(RateLimitedException.class, () -> whatsapp.post(reply("Hi", null), null));
        assertFalse(pair.resetAt().isBefore(before.plusSeconds(6)), pair.resetAt().toString());
        assertTrue(pair.getMessage().contains("131056"), pair.getMessage());

        graph.answers = r -> FakeGraph.Answer.error(130429, "(#130429) Rate limit hit");
        RateLimitedException throughput = assertThrows(RateLimitedException.class, () -> whatsapp.post(reply("Hi", null), null));
        assertTrue(throughput.getMessage().contains("130429"), throughput.getMessage());
    }

    @Test
    void metasTemplateRefusalsComeBackWithWhatToDo() {
        component.templates().sync();
        graph.answers = r -> FakeGraph.Answer.error(132001, "(#132001) Template name does not exist in the translation");
        PostRejectedException e = assertThrows(PostRejectedException.class,
                () -> whatsapp.post(reply("Olga", "csat_survey"), null));
        assertTrue(e.getMessage().contains("(#132001) Template name does not exist") && e.getMessage().contains("Social Template"),
                e.getMessage());
        graph.answers = r -> FakeGraph.Answer.error(132018, "(#132018) There was an issue with the parameters");
        e = assertThrows(PostRejectedException.class, () -> whatsapp.post(reply("Olga", "csat_survey"), null));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
        graph.answers = r -> FakeGraph.Answer.error(132000, "(#132000) Number of parameters does not match");
        e = assertThrows(PostRejectedException.class, () -> whatsapp.post(reply("Olga", "csat_survey"), null));
        assertTrue(e.getMessage().contains("one line per placeholder"), e.getMessage());
        graph.answers = r -> new FakeGraph.Answer(503, "busy");
        assertThrows(NetworkUnavailableException.class, () -> whatsapp.post(reply("Olga", "csat_survey"), null));
    }

    @Test
    void afterTheSendTheCustomersNewestMessageIsMarkedRead() throws Exception {
        component.latestMessages().received(CUSTOMER, "wamid.in2", Instant.ofEpochSecond(20));
        component.latestMessages().received(CUSTOMER, "wamid.in1", Instant.ofEpochSecond(10));
        whatsapp.post(reply("On it", null), null);

        assertEquals(2, graph.requests.size());
        assertEquals("text", json.readTree(graph.requests.get(0).body()).get("type").asText(), "the reply first");
        JsonNode read = json.readTree(graph.requests.get(1).body());
        assertEquals("read", read.get("status").asText());
        assertEquals("wamid.in2", read.get("message_id").asText(), "the newest, whatever order they came in");
        assertEquals("whatsapp", read.get("messaging_product").asText());
    }

    @Test
    void aFailedReadReceiptLeavesTheReplyPosted() {
        component.latestMessages().received(CUSTOMER, "wamid.in1", Instant.ofEpochSecond(10));
        graph.answers = r -> r.body().contains("\"status\":\"read\"") ? new FakeGraph.Answer(500, "oops") : cloudApi(r);
        PostedMessage posted = whatsapp.post(reply("On it", null), null);
        assertEquals("wamid.sent1", posted.id());
    }

    @Test
    void anUnansweredAttemptCannotBeLookedUpSoItIsNeverSentAgainBlind() {
        NetworkUnavailableException e = assertThrows(NetworkUnavailableException.class,
                () -> whatsapp.findPosted(reply("On it", null), Instant.now()));
        assertTrue(e.getMessage().contains(CUSTOMER), e.getMessage());
    }

    @Test
    void noPublicReplies() {
        OutboundPost post = new OutboundPost(WhatsAppChannel.WHATSAPP, ReplyVisibility.PUBLIC, "Hi", "wamid.x", null);
        assertThrows(PostRejectedException.class, () -> whatsapp.post(post, null));
        assertEquals(List.of(), graph.requests);
    }

    FakeGraph.Request onlyRequest() {
        assertEquals(1, graph.requests.size(), graph.requests.toString());
        return graph.requests.get(0);
    }
}
