package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings files the distribution ships (descriptors/src/main/karaf/etc) carry no secret, and the
 * plugin started on them as they are stops only the channels whose secret is missing, naming the setting.
 */
class ShippedSettingsTest {
    static final Path SHIPPED = Path.of("../descriptors/src/main/karaf/etc");

    static Map<String, Map<String, ?>> shipped() throws IOException {
        Map<String, Map<String, ?>> config = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SHIPPED, "org.socialcarebridge.*.cfg")) {
            for (Path f : files) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(f)) {
                    p.load(in);
                }
                Map<String, Object> values = new HashMap<>();
                p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
                String name = f.getFileName().toString();
                config.put(name.substring(0, name.length() - ".cfg".length()), values);
            }
        }
        return config;
    }

    @Test
    void noShippedSettingsFileCarriesAPasswordOrToken() throws IOException {
        Map<String, Map<String, ?>> config = shipped();
        assertTrue(config.keySet().containsAll(List.of("org.socialcarebridge.host.rt", "org.socialcarebridge.network.x",
                "org.socialcarebridge.network.mastodon", "org.socialcarebridge.store")), config.keySet().toString());
        config.forEach((pid, values) -> values.forEach((key, value) -> {
            String k = key.toLowerCase(Locale.ROOT);
            if (k.contains("password") || k.contains("token") || k.contains("secret")) {
                assertEquals("", String.valueOf(value).strip(), key + " in etc/" + pid + ".cfg is shipped with a value");
            }
        }));
    }

    @Test
    void asShippedEveryChannelWithoutItsSecretStaysStoppedSayingWhichSettingToFill(@TempDir Path data) throws Exception {
        Map<String, Map<String, ?>> config = shipped();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        config.put(HttpSettings.PID, Map.of("host", "127.0.0.1", "port", String.valueOf(port)));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/socialcare/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode channels = new ObjectMapper().readTree(r.body()).path("channels");
            assertStopped(channels, "rt", "Setting password in etc/org.socialcarebridge.host.rt.cfg is missing");
            assertStopped(channels, "x", "Setting bearerToken in etc/org.socialcarebridge.network.x.cfg is missing");
            assertStopped(channels, "mastodon", "Setting accessToken in etc/org.socialcarebridge.network.mastodon.cfg is missing");
            assertStopped(channels, "facebook", "Setting pageToken in etc/org.socialcarebridge.network.facebook.cfg is missing");
            assertStopped(channels, "meta", "Setting appSecret in etc/org.socialcarebridge.network.meta.cfg is missing");
            assertTrue(engine.routeIds().contains("health"), "the rest of the plugin runs: " + engine.routeIds());
        }
    }

    @Test
    void theShippedFacebookPageIsTheDemoSimulatorsPage() throws Exception {
        String closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + s.getLocalPort() + "/socialcare/webhooks/meta";
        }
        try (org.socialcarebridge.simulator.meta.MetaSimulator sim = org.socialcarebridge.simulator.meta.MetaSimulator.start(
                org.socialcarebridge.simulator.meta.MetaSimulator.Config.defaults().withPort(0).withCallbackUrl(closed)
                        .withSecrets("page-token-" + java.util.UUID.randomUUID(), java.util.UUID.randomUUID().toString()
                                .replace("-", ""), "verify-token-" + java.util.UUID.randomUUID()).withWhatsAppToken("whatsapp-token-" + java.util.UUID.randomUUID()))) {
            assertEquals(sim.pageId(), shipped().get("org.socialcarebridge.network.facebook").get("pageId"));
        }
    }

    static void assertStopped(JsonNode channels, String channel, String says) {
        JsonNode c = channels.path(channel);
        assertEquals("stopped", c.path("state").asText(), channel + ": " + c);
        assertTrue(c.path("lastError").asText().contains(says), channel + ": " + c);
    }
}
