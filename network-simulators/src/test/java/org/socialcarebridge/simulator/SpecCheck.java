package org.socialcarebridge.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/** Checks a simulator's answer against the network's own OpenAPI document (copied into the test resources). */
public final class SpecCheck {
    private final OpenApiInteractionValidator validator;
    private final Set<Integer> undocumentedStatuses;

    /**
     * @param resource             the document, e.g. /specs/x-api-v2.openapi.json
     * @param undocumentedStatuses statuses whose bodies the document does not describe; their callers check them field by field
     */
    public SpecCheck(String resource, Set<Integer> undocumentedStatuses, String... ignoredRules) {
        LevelResolver.Builder levels = LevelResolver.create()
                // The documents name auth schemes the simulators replace with sim-user tokens.
                .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE);
        for (String rule : ignoredRules) {
            levels.withLevel(rule, ValidationReport.Level.IGNORE);
        }
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(SpecCheck.class.getResource(resource).toString())
                .withLevelResolver(levels.build())
                .build();
        this.undocumentedStatuses = undocumentedStatuses;
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
        if (!r.body().isBlank()) {
            resp.withBody(r.body());
        }
        Request request = rb.build();
        ValidationReport report = validator.validateResponse(request.getPath(), request.getMethod(), resp.build());
        assertFalse(report.hasErrors(), method + " " + pathAndQuery + " -> " + r.statusCode() + " " + r.body() + "\n" + report);
    }
}
