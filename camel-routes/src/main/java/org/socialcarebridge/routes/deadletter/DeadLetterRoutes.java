package org.socialcarebridge.routes.deadletter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.intake.DeadLetterAlert;
import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.routes.health.Tick;
import org.socialcarebridge.routes.http.AdminToken;
import org.socialcarebridge.routes.http.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters, the messages that could not be processed: kept in the help desk's alert queue while any
 * is left, and the administrator's REST calls (admin token, as the triage calls):
 * <pre>
 * GET  /socialcare/dead-letters[?limit=100]          newest first, with the reason and the text
 * POST /socialcare/dead-letters/{message key}/retry    file it again (202; within a second)
 * POST /socialcare/dead-letters/{message key}/discard  keep it for the record, never file it (200)
 * </pre>
 * An unknown key answers 404; a message that is not a dead letter, or cannot be retried, 409.
 */
public final class DeadLetterRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRoutes.class);

    private final String baseUri;
    private final DeadLetters deadLetters;
    private final DeadLetterAlert alert;
    private final AdminToken admin;

    /** @param alert the help desk's alert; null when no help desk is configured */
    public DeadLetterRoutes(String baseUri, DeadLetters deadLetters, DeadLetterAlert alert, AdminToken admin) {
        this.baseUri = baseUri;
        this.deadLetters = deadLetters;
        this.alert = alert;
        this.admin = admin;
    }

    @Override
    public void configure() {
        if (alert != null) {
            from("timer:dead-letter-alert?delay=4000&period=5000")
                    .routeId("dead-letter-alert")
                    .process(Tick.of(exchange -> {
                        try {
                            alert.publish();
                        } catch (RuntimeException e) {
                            LOG.warn("Dead letters not shown in the help desk yet (the next look retries): {}", e.getMessage());
                        }
                    }));
        }

        from(baseUri + "/dead-letters?matchOnUriPrefix=true&httpMethodRestrict=GET,POST&" + InboundRequest.OPTIONS)
                .routeId("dead-letters-admin")
                .noStreamCaching()
                .process(this::handle);
    }

    private void handle(Exchange exchange) throws Exception {
        InboundRequest request = InboundRequest.of(exchange);
        String method = request.method();
        String path = request.path();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (!admin.admits(request, out)) {
            return;
        }
        try {
            if ("GET".equals(method) && path.isEmpty()) {
                admin.answer(out, 200, Map.of("count", deadLetters.count(), "messages",
                        deadLetters.newest(request.limit(100, 1000)).stream().map(DeadLetterRoutes::view).toList()));
            } else if ("POST".equals(method) && path.endsWith("/retry")) {
                String key = key(path, "/retry");
                deadLetters.retry(key);
                admin.answer(out, 202, Map.of("retried", key, "next", "filed as a ticket within a second"));
            } else if ("POST".equals(method) && path.endsWith("/discard")) {
                String key = key(path, "/discard");
                deadLetters.discard(key);
                admin.answer(out, 200, Map.of("discarded", key));
            } else {
                admin.answer(out, 404, Map.of("error", method + " /socialcare/dead-letters/" + path + " is not a dead-letter"
                        + " call; use GET /socialcare/dead-letters, POST /socialcare/dead-letters/{key}/retry or"
                        + " POST /socialcare/dead-letters/{key}/discard"));
            }
        } catch (IllegalArgumentException e) {
            admin.answer(out, 400, Map.of("error", e.getMessage()));
        } catch (NoSuchElementException e) {
            admin.answer(out, 404, Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            admin.answer(out, 409, Map.of("error", e.getMessage()));
        }
    }

    private static String key(String path, String action) {
        return URLDecoder.decode(path.substring(0, path.length() - action.length()), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> view(DeadLetters.DeadLetter d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", d.key());
        v.put("network", d.network().key());
        v.put("messageId", d.messageId());
        v.put("author", d.author());
        v.put("reason", d.reason());
        v.put("receivedAt", d.receivedAt() == null ? null : d.receivedAt().toString());
        v.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
        v.put("deadLetteredAt", d.deadLetteredAt() == null ? null : d.deadLetteredAt().toString());
        v.put("text", d.text());
        return v;
    }
}
