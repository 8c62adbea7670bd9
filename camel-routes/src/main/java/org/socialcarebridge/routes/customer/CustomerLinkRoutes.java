package org.socialcarebridge.routes.customer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.customer.CustomerLink;
import org.socialcarebridge.customer.Customers;
import org.socialcarebridge.routes.http.AdminToken;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * The administrator's REST call for identity links, authenticated with the admin token:
 * <pre>
 * GET    /socialcare/customers/links                 every link
 * PUT    /socialcare/customers/links/{identity}      body {"to": "x:1002"} or {"to": "alice@example.com"}
 * DELETE /socialcare/customers/links/{identity}
 * </pre>
 */
public final class CustomerLinkRoutes extends RouteBuilder {
    private static final String PATH = "/customers/links";

    private final String baseUri;
    private final Customers customers;
    private final AdminToken admin;
    private final ObjectMapper json;

    /** @param adminToken the bearer token callers must present; null disables the API (403 with how to enable it) */
    public CustomerLinkRoutes(String baseUri, Customers customers, String adminToken, ObjectMapper json) {
        this.baseUri = baseUri;
        this.customers = customers;
        this.admin = new AdminToken(adminToken, json);
        this.json = json;
    }

    @Override
    public void configure() {
        from(baseUri + PATH + "?matchOnUriPrefix=true&httpMethodRestrict=GET,PUT,DELETE&" + InboundRequest.OPTIONS)
                .routeId("customer-links")
                .noStreamCaching()
                .process(this::handle);
    }

    private void handle(Exchange exchange) throws Exception {
        InboundRequest request = InboundRequest.of(exchange);
        String method = request.method();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        // The token first, from the header; the body only once the caller is known, and capped.
        if (!admin.admits(request, out)) {
            return;
        }
        String identity = URLDecoder.decode(request.path(), StandardCharsets.UTF_8);
        try {
            switch (method + (identity.isEmpty() ? "" : " one")) {
                case "GET" -> answer(out, 200, customers.links().stream().map(CustomerLinkRoutes::view).toList());
                case "GET one" -> {
                    var link = customers.linkOf(identity);
                    if (link.isPresent()) {
                        answer(out, 200, view(link.get()));
                    } else {
                        answer(out, 404, Map.of("error", identity + " is not linked"));
                    }
                }
                case "PUT one" -> {
                    String body = request.body(InboundRequest.MAX_BODY);
                    JsonNode link = body.isBlank() ? null : json.readTree(body);
                    if (link == null || !link.path("to").isTextual()) {
                        answer(out, 400, Map.of("error", "Send a JSON body {\"to\": \"x:1002\"} or {\"to\": \"alice@example.com\"}"));
                        return;
                    }
                    answer(out, 200, view(customers.link(identity, link.get("to").asText(), "REST")));
                }
                case "DELETE one" -> {
                    if (customers.unlink(identity, "REST")) {
                        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
                        out.setBody("");
                    } else {
                        answer(out, 404, Map.of("error", identity + " is not linked"));
                    }
                }
                default -> answer(out, 405, Map.of("error", method + " needs an identity in the path: " + PATH + "/x:1002"));
            }
        } catch (IllegalArgumentException e) {
            answer(out, 400, Map.of("error", e.getMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            answer(out, 400, Map.of("error", "The body is not JSON: " + e.getOriginalMessage()));
        } catch (InboundRequest.BodyTooLargeException e) {
            answer(out, 413, Map.of("error", e.getMessage() + "; a link is a small JSON body {\"to\": \"x:1002\"}"));
        }
    }

    static Map<String, Object> view(CustomerLink link) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("identity", link.identityKey());
        v.put("to", link.email() != null ? link.email() : link.target());
        v.put("linkedBy", link.linkedBy());
        v.put("linkedAt", link.linkedAt().toString());
        return v;
    }

    private void answer(Message out, int status, Object body) throws Exception {
        admin.answer(out, status, body);
    }
}
