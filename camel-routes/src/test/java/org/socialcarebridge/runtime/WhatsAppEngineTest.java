package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.component.webhook.HubSignature;
import org.socialcarebridge.component.webhook.MetaWebhookSettings;
import org.socialcarebridge.component.whatsapp.WhatsAppSettings;
import org.socialcarebridge.component.whatsapp.WhatsAppWebhookHandler;
import org.socialcarebridge.conversation.LedgerEntry;

/**
 * The WhatsApp channel as the core attaches it from its file: it takes the Meta webhook's
 * {@code whatsapp_business_account} deliveries and runs its template sync; a signed message reaches the ledger.
 */
class WhatsAppEngineTest {
    static final String SECRET = java.util.UUID.randomUUID().toString().replace("-", "");
    static final String VERIFY = "verify-token-" + java.util.UUID.randomUUID();
    static final String TOKEN = "wa-token-" + java.util.UUID.randomUUID();

    @TempDir
    Path data;
    SocialCareEngine engine;
    int port;

    @BeforeEach
    void start() throws Exception {
        port = SocialCareEngineTest.freePort();
        // Nothing listens at the Graph API's address: the sync fails, which the channel survives.
        String nowhere = "http://127.0.0.1:" + SocialCareEngineTest.freePort();
        engine = SocialCareEngine.start(Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port)),
                MetaWebhookSettings.PID, Map.of("appSecret", SECRET, "verifyToken", VERIFY),
                WhatsAppSettings.PID, Map.of("graphUrl", nowhere, "businessAccountId", "102000000000001",
                        "phoneNumberId", "106000000000001", "accessToken", TOKEN)), data, data);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void whatsAppTakesItsDeliveriesAndSyncsItsTemplates() throws Exception {
        assertTrue(engine.metaWebhook().objects().contains(WhatsAppWebhookHandler.OBJECT), engine.metaWebhook().objects().toString());
        assertTrue(engine.routeIds().contains("whatsapp-templates"), engine.routeIds().toString());

        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102000000000001\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550001234\",\"phone_number_id\":\"106000000000001\"},\"contacts\":[{\"profile\":{\"name\":\"Olga\"},"
                + "\"wa_id\":\"4915112345678\"}],\"messages\":[{\"from\":\"4915112345678\",\"id\":\"wamid.engine1\","
                + "\"timestamp\":\"1765000000\",\"type\":\"text\",\"text\":{\"body\":\"Where is my parcel?\"}}]}}]}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/socialcare/webhooks/meta"))
                .header("Content-Type", "application/json").header(HubSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());

        LedgerEntry olga = engine.db().read(em -> em.find(LedgerEntry.class, "whatsapp:wamid.engine1"));
        assertNotNull(olga, "the message is in the ledger through the WhatsApp channel");
        assertEquals("Where is my parcel?", olga.text());
        assertEquals("Olga", olga.message().author().displayName());

        engine.detach("whatsapp");
        assertEquals(Set.of(), engine.metaWebhook().objects());
    }

    @Test
    void theChannelIsNamedWhatsAppAndReadsItsFile() {
        assertEquals("whatsapp", new WhatsAppChannelComponent().name());
        assertEquals(WhatsAppSettings.PID, new WhatsAppChannelComponent().pid());
    }
}
