package org.socialcarebridge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;

/** JSON over HTTP to a network simulator, as that network's client would send it; errors fail the test with the answer. */
abstract class SimulatorClient {
    /** Non-ASCII escaped as \\uXXXX: a test's unpaired surrogate reaches the network as such, not as '?'. */
    private static final ObjectWriter WRITER = Rt.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatorClient(String base) {
        this.base = base;
    }

    JsonNode call(String method, String path, String bearer, JsonNode body) {
        return call(method, path, bearer, body, java.util.Map.of());
    }

    /** @param headers extra headers, e.g. a simulator's test controls */
    JsonNode call(String method, String path, String bearer, JsonNode body, java.util.Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            headers.forEach(b::header);
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            b.header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body)));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? Rt.JSON.createObjectNode() : Rt.JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(JsonNode body) throws JsonProcessingException {
        return WRITER.writeValueAsString(body);
    }
}
