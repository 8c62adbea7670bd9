package org.socialcarebridge.component.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.meta.MetaSimulator;

/**
 * The sender of a direct message read from the Meta simulator's User Profile API, as the channel runs it:
 * the simulator's answer and the channel's reading of it agree, and a person who only writes privately is
 * filed under their @username like a commenter.
 */
class InstagramSenderProfileTest extends LedgerAndGraphDouble {
    final HttpClient http = HttpClient.newHttpClient();
    MetaSimulator sim;
    InstagramWebhookHandler handler;

    @BeforeEach
    void startSimulator() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // no webhook receiver: this test hands the deliveries over itself
        }
        String token = "page-token-" + UUID.randomUUID();
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0)
                .withCallbackUrl("http://127.0.0.1:" + closed + "/socialcare/webhooks/meta")
                .withSecrets(token, "secret-" + UUID.randomUUID(), "verify-" + UUID.randomUUID())
                .withWhatsAppToken("whatsapp-token-" + UUID.randomUUID()));
        InstagramConfiguration c = new InstagramConfiguration();
        c.setBaseUrl(sim.baseUrl());
        c.setAccountId(sim.instagramAccountId());
        c.setPageToken(token);
        InstagramApi simApi = new InstagramApi(new HttpCall(camel), c, json);
        handler = new InstagramWebhookHandler(intake, sim.instagramAccountId(), simApi, new InstagramProfiles(simApi));
    }

    @AfterEach
    void stopSimulator() throws Exception {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void someoneWhoOnlyWritesPrivatelyIsFiledUnderTheirUsernameLikeACommenter() throws Exception {
        JsonNode dm = control("/sim/instagram/messages", "{\"from\":\"olga.k\",\"text\":\"Where is my parcel?\","
                + "\"name\":\"Olga Kowalska\"}");
        String igsid = dm.get("igsid").asText();
        receive(igsid, dm.get("mid").asText(), "Where is my parcel?");

        SocialIdentity author = entry(dm.get("mid").asText()).message().author();
        assertEquals(igsid, author.accountId());
        assertEquals("olga.k", author.handle());
        assertEquals("https://www.instagram.com/olga.k/", author.profileUrl());
        assertEquals("Olga Kowalska", author.displayName());
        assertTrue(author.followers() >= 0);
        assertFalse(author.verified());

        JsonNode comment = control("/sim/instagram/comments", "{\"from\":\"olga.k\",\"text\":\"and here\"}");
        assertEquals(igsid, comment.get("from_id").asText(), "one IGSID for her comments and messages");
    }

    @Test
    void anIdTheSimulatorDoesNotKnowIsFiledByTheId() throws Exception {
        receive("17841499999999999", "aWdfbWVzc2FnZQ1", "Hello");
        SocialIdentity author = entry("aWdfbWVzc2FnZQ1").message().author();
        assertEquals("17841499999999999", author.handle(), "Graph error #100: the id stands for the username");
    }

    void receive(String igsid, String mid, String text) throws Exception {
        String body = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + sim.instagramAccountId() + "\",\"time\":1765100000,"
                + "\"messaging\":[{\"sender\":{\"id\":\"" + igsid + "\"},\"recipient\":{\"id\":\"" + sim.instagramAccountId()
                + "\"},\"timestamp\":1765100000123,\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}]}]}";
        assertEquals(1, handler.receive(new WebhookDelivery("meta", body.getBytes(StandardCharsets.UTF_8), Instant.now()),
                json.readTree(body)).fresh());
    }

    JsonNode control(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return json.readTree(r.body());
    }
}
