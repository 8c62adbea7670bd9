package org.socialcarebridge.routes.health;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.routes.http.InboundRequest;

/** {@code GET /socialcare/health}: per channel the last good poll, last error, cursor; the outbox size. */
public final class HealthRoutes extends RouteBuilder {
    private final String baseUri;
    private final Health health;
    private final ObjectMapper json;

    /** @param baseUri e.g. {@code jetty:http://127.0.0.1:8181/socialcare} */
    public HealthRoutes(String baseUri, Health health, ObjectMapper json) {
        this.baseUri = baseUri;
        this.health = health;
        this.json = json;
    }

    @Override
    public void configure() {
        // Nothing reads a body here; the options and noStreamCaching keep Camel from reading one either.
        from(baseUri + "/health?httpMethodRestrict=GET&" + InboundRequest.OPTIONS)
                .routeId("health")
                .noStreamCaching()
                .process(exchange -> {
                    var report = health.report();
                    var out = exchange.getMessage();
                    out.removeHeaders("*");
                    out.setHeader(Exchange.CONTENT_TYPE, "application/json");
                    out.setHeader(Exchange.HTTP_RESPONSE_CODE, "UP".equals(report.get("status")) ? 200 : 503);
                    out.setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
                });
    }
}
