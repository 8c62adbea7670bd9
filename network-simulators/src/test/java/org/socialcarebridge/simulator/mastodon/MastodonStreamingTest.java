package org.socialcarebridge.simulator.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socialcarebridge.simulator.SpecCheck;

/**
 * The streaming API over real HTTP: a client reads the server-sent events line by line, as a real one
 * would. Reads block until the simulator writes; the timeout only guards against a hang.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MastodonStreamingTest {
    static SpecCheck spec;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final List<Stream> streams = new ArrayList<>();
    MastodonSimulator sim;

    record Event(String name, String data) {
    }

    /** One open stream, read line by line. */
    static final class Stream {
        final HttpResponse<InputStream> response;
        final BufferedReader reader;

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        String line() throws Exception {
            return reader.readLine();
        }

        /** The next event, skipping comments (the greeting and heartbeats); null when the stream has ended. */
        Event next() throws Exception {
            String name = null;
            String data = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.isEmpty() && name != null) {
                    return new Event(name, data);
                }
            }
            return null;
        }
    }

    @BeforeAll
    static void loadSpec() {
        spec = new SpecCheck("/specs/mastodon.openapi.json", Set.of());
    }

    @BeforeEach
    void start() throws Exception {
        sim = MastodonSimulator.start(0, "acme", "brand-token", 1);
    }

    @AfterEach
    void stop() throws Exception {
        for (Stream s : streams) {
            s.response.body().close();
        }
        sim.close();
    }

    HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> control(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a stream; once open it has read the greeting, so the simulator has registered it. */
    Stream open(String pathAndQuery, String bearer, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        Stream s = new Stream(http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        streams.add(s);
        if (s.response.statusCode() == 200) {
            assertEquals(":)", s.line());
        }
        return s;
    }

    String mention(String acct, String text, String visibility) throws Exception {
        var body = json.createObjectNode().put("status", text).put("visibility", visibility);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/statuses"))
                .header("Authorization", "Bearer sim-user:" + acct).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body()).path("id").asText();
    }

    JsonNode notifications(String query) throws Exception {
        HttpResponse<String> r = get("/api/v1/notifications" + query, "brand-token");
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    @Test
    void healthAndInstanceTellWhereTheStreamIs() throws Exception {
        HttpResponse<String> health = get("/api/v1/streaming/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("OK", health.body());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        // Not checked against the document: it gives this 200 no content, where Mastodon's docs show the text OK.
        HttpResponse<String> instance = get("/api/v2/instance", null);
        assertEquals(200, instance.statusCode(), instance.body());
        spec.answer("GET", "/api/v2/instance", null, instance);
        assertEquals(sim.baseUrl(), json.readTree(instance.body()).at("/configuration/urls/streaming").asText());
    }

    @Test
    void eachNewNotificationArrivesAsTheRestApiShowsIt() throws Exception {
        Stream s = open("/api/v1/streaming/user/notification", "brand-token");
        assertEquals(200, s.response.statusCode());
        assertTrue(s.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        String publicId = mention("alice", "@acme my parcel is late", "public");
        mention("carol", "@bob not for the brand", "public");
        String directId = mention("dave", "@acme my order number is 42", "direct");

        Event first = s.next();
        Event second = s.next();
        assertEquals("notification", first.name());
        assertEquals("notification", second.name());
        JsonNode listed = notifications("");
        // The newest first in the list; the stream carries them in the order they happened, byte for byte alike.
        assertEquals(listed.get(1), json.readTree(first.data()));
        assertEquals(listed.get(0), json.readTree(second.data()));
        assertEquals(publicId, json.readTree(first.data()).at("/status/id").asText());
        assertEquals(directId, json.readTree(second.data()).at("/status/id").asText());
        assertEquals("direct", json.readTree(second.data()).at("/status/visibility").asText());
    }

    @Test
    void theQueryFormAndAnAccessTokenParameterWorkToo() throws Exception {
        Stream s = open("/api/v1/streaming?stream=user:notification&access_token=brand-token", null);
        assertEquals(200, s.response.statusCode());
        String id = mention("alice", "@acme hello", "public");
        assertEquals(id, json.readTree(s.next().data()).at("/status/id").asText());

        Stream unknown = open("/api/v1/streaming?stream=public", "brand-token");
        assertEquals(400, unknown.response.statusCode());
    }

    @Test
    void anIdleStreamSendsHeartbeats() throws Exception {
        sim.streamingHeartbeat(Duration.ofMillis(50));
        Stream s = open("/api/v1/streaming/user/notification", "brand-token");
        assertEquals(":thump", s.line());
        assertEquals(":thump", s.line());
    }

    @Test
    void aStreamNeedsAValidToken() throws Exception {
        HttpResponse<String> none = get("/api/v1/streaming/user/notification", null);
        assertEquals(401, none.statusCode());
        spec.answer("GET", "/api/v1/streaming/user/notification", null, none);
        HttpResponse<String> wrong = get("/api/v1/streaming/user/notification", "not-the-token");
        assertEquals(401, wrong.statusCode());
        assertEquals("The access token is invalid", json.readTree(wrong.body()).path("error").asText());
        assertEquals(401, get("/api/v1/streaming?stream=user:notification&access_token=not-the-token", null).statusCode());
    }

    @Test
    void aDroppedStreamLeavesAGapThatOnlyCatchUpFills() throws Exception {
        Stream s = open("/api/v1/streaming/user/notification", "brand-token");
        mention("alice", "@acme before the drop", "public");
        String before = json.readTree(s.next().data()).path("id").asText();

        HttpResponse<String> drop = control("/sim/streaming/drop", null);
        assertEquals(200, drop.statusCode(), drop.body());
        assertEquals(1, json.readTree(drop.body()).path("dropped").asInt());
        assertNull(s.next(), "a dropped stream ends");

        String duringGap = mention("bob", "@acme while nobody listened", "public");
        // No resume: Last-Event-ID is ignored, the new stream starts with what happens next.
        Stream again = open("/api/v1/streaming/user/notification", "brand-token", "Last-Event-ID", before);
        String after = mention("carol", "@acme after the reconnect", "public");
        assertEquals(after, json.readTree(again.next().data()).at("/status/id").asText());

        JsonNode caughtUp = notifications("?since_id=" + before);
        assertEquals(2, caughtUp.size());
        assertEquals(after, caughtUp.get(0).at("/status/id").asText());
        assertEquals(duringGap, caughtUp.get(1).at("/status/id").asText());
    }

    @Test
    void aRefusalWindowAnswers503UntilItEnds() throws Exception {
        assertEquals(200, control("/sim/streaming/drop", "{\"refuse_seconds\":600}").statusCode());
        HttpResponse<String> refused = get("/api/v1/streaming/user/notification", "brand-token");
        assertEquals(503, refused.statusCode());
        spec.answer("GET", "/api/v1/streaming/user/notification", null, refused);
        assertEquals(503, open("/api/v1/streaming?stream=user:notification", "brand-token").response.statusCode());
        assertEquals("OK", get("/api/v1/streaming/health", null).body(), "the REST side stays up");

        assertEquals(200, control("/sim/streaming/drop", "{\"refuse_seconds\":0}").statusCode());
        assertEquals(200, open("/api/v1/streaming/user/notification", "brand-token").response.statusCode());
        assertEquals(422, control("/sim/streaming/drop", "{\"refuse_seconds\":-1}").statusCode());
    }

    @Test
    void resettingTheSimulatorClosesStreams() throws Exception {
        Stream s = open("/api/v1/streaming/user/notification", "brand-token");
        http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/state")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertNull(s.next());
    }
}
