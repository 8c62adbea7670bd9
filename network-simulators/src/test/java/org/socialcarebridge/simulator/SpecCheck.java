package org.socialcarebridge.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Checks a simulator's answer against the network's own OpenAPI document (copied into the test resources). */
public final class SpecCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiInteractionValidator validator;
    private final Set<Integer> undocumentedStatuses;
    private final Map<String, String> renamed;

    /**
     * @param resource             the document, e.g. /specs/x-api-v2.openapi.json
     * @param undocumentedStatuses statuses whose bodies the document does not describe; their callers check them field by field
     */
    public SpecCheck(String resource, Set<Integer> undocumentedStatuses) {
        this(resource, undocumentedStatuses, Map.of(), document -> { });
    }

    /**
     * @param renamed names the live API uses where the document, generated for an SDK, renamed them
     *                (wire name to document name, e.g. {@code referenced_tweets} to {@code referenced_posts}):
     *                object keys equal to one, and string values starting with one, are read as the
     *                document's before the check
     * @param live    adds to the document what the live API answers and the document leaves out
     */
    public SpecCheck(String resource, Set<Integer> undocumentedStatuses, Map<String, String> renamed,
                     java.util.function.Consumer<ObjectNode> live) {
        this.renamed = renamed;
        JsonNode document;
        try (var in = SpecCheck.class.getResourceAsStream(resource)) {
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        live.accept((ObjectNode) document);
        if (document.path("openapi").asText().startsWith("3.1")) {
            asOpenApi30(document);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.toString())
                // The documents name auth schemes the simulators replace with sim-user tokens.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.undocumentedStatuses = undocumentedStatuses;
    }

    /**
     * Mastodon's document is OpenAPI 3.1; the validator reads 3.1 schemas without their {@code type}
     * (so it would check no types at all) and cannot parse 3.1 string headers. Rewritten in the 3.0
     * idioms it understands, the same constraints are checked: {@code type: [t, "null"]} becomes
     * {@code type: t, nullable}; {@code oneOf: [X, {type: null}]} keeps X and matches null with a
     * nullable {@code enum: [null]}; {@code propertyNames} (3.1 only) is dropped.
     */
    static void asOpenApi30(JsonNode document) {
        ((ObjectNode) document).put("openapi", "3.0.3");
        rewrite31(document);
    }

    private static void rewrite31(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("propertyNames");
            JsonNode type = o.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(t -> types.add(t.asText()));
                if (types.remove("null")) {
                    o.put("nullable", true);
                }
                o.put("type", types.get(0));
            }
            JsonNode oneOf = o.get("oneOf");
            if (oneOf != null && oneOf.isArray()) {
                for (JsonNode alternative : oneOf) {
                    if (alternative.size() == 1 && "null".equals(alternative.path("type").asText())) {
                        ((ObjectNode) alternative).put("type", "string").put("nullable", true).putArray("enum").addNull();
                    }
                }
            }
            o.forEach(SpecCheck::rewrite31);
        } else if (node.isArray()) {
            node.forEach(SpecCheck::rewrite31);
        }
    }

    private String asDocumentNames(String body) {
        try {
            return rename(JSON.readTree(body)).toString();
        } catch (IOException e) {
            return body; // not JSON: the validator says so
        }
    }

    private JsonNode rename(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = JSON.createObjectNode();
            o.fields().forEachRemaining(f -> copy.set(renamed.getOrDefault(f.getKey(), f.getKey()), rename(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(rename(n)));
            return copy;
        }
        if (node.isTextual()) {
            for (Map.Entry<String, String> r : renamed.entrySet()) {
                if (node.asText().startsWith(r.getKey())) {
                    return JSON.getNodeFactory().textNode(r.getValue() + node.asText().substring(r.getKey().length()));
                }
            }
        }
        return node;
    }

    /** Fails the test unless the real API could have given this answer. */
    public void answer(String method, String pathAndQuery, String body, HttpResponse<String> r) {
        if (undocumentedStatuses.contains(r.statusCode())) {
            return;
        }
        URI uri = URI.create("http://sim" + pathAndQuery);
        SimpleRequest.Builder rb = new SimpleRequest.Builder(method, uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                rb.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (body != null) {
            rb.withContentType("application/json").withBody(body);
        }
        SimpleResponse.Builder resp = SimpleResponse.Builder.status(r.statusCode());
        r.headers().firstValue("content-type").ifPresent(ct -> resp.withContentType(ct.split(";")[0]));
        r.headers().map().forEach(resp::withHeader);
        if (!r.body().isBlank()) {
            resp.withBody(renamed.isEmpty() ? r.body() : asDocumentNames(r.body()));
        }
        Request request = rb.build();
        ValidationReport report = validator.validateResponse(request.getPath(), request.getMethod(), resp.build());
        assertFalse(report.hasErrors(), method + " " + pathAndQuery + " -> " + r.statusCode() + " " + r.body() + "\n" + report);
    }
}
