package org.socialcarebridge.component.webhook;

import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * Serves one {@link WebhookReceiver} at {@code <baseUri>/webhooks/<name>}, e.g.
 * {@code http://127.0.0.1:8181/socialcare/webhooks/meta}, and puts its counters on the health endpoint
 * as {@code webhook:<name>}. The consumer copies nothing of the request into the message and Camel
 * caches no stream, so the receiver reads the body itself, capped, and only after the signature header.
 */
public final class WebhookRoutes extends RouteBuilder {
    /** The path under the plugin's base URI; a network's webhook is {@code PATH + name}. */
    public static final String PATH = "/webhooks/";

    private final String baseUri;
    private final String name;
    private final WebhookReceiver receiver;
    private final Health health;
    private final java.util.function.Supplier<Object> gauge;

    /**
     * @param baseUri e.g. {@code jetty:http://127.0.0.1:8181/socialcare}, from the HTTP settings
     * @param name    the webhook's name, as given to its receiver
     */
    public WebhookRoutes(String baseUri, String name, WebhookReceiver receiver, WebhookCounters counters, Health health) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A webhook's name is part of its path: lower-case letters, digits and -, not '"
                    + name + "'");
        }
        this.baseUri = baseUri;
        this.name = name;
        this.receiver = receiver;
        this.health = health;
        this.gauge = () -> counters.toMap();
        health.gauge(gaugeName(), gauge);
    }

    /**
     * The Meta webhook, {@code <baseUri>/webhooks/meta}, as its settings say, handing verified deliveries
     * to {@code handler} (the Meta channel's, which keeps every entry in the ledger before it returns).
     */
    public static WebhookRoutes meta(String baseUri, MetaWebhookSettings settings, WebhookHandler handler, Health health,
                                     com.fasterxml.jackson.databind.ObjectMapper json, java.time.Clock clock) {
        WebhookCounters counters = new WebhookCounters();
        WebhookReceiver receiver = new WebhookReceiver(MetaWebhookSettings.NAME, settings.appSecret(), settings.verifyToken(),
                settings.maxBodyBytes(), settings.concurrentBodies(), WebhookReceiver.WAIT_FOR_TURN, handler, counters, json, clock);
        return new WebhookRoutes(baseUri, MetaWebhookSettings.NAME, receiver, counters, health);
    }

    /** The X webhook's name and path segment: {@code <baseUri>/webhooks/x}, {@code webhook:x} on health. */
    public static final String X = "x";

    /**
     * The X webhook, {@code <baseUri>/webhooks/x}: the CRC and {@code x-twitter-webhooks-signature} with
     * the X app's consumer secret, handing verified deliveries to {@code handler} (the X channel's).
     */
    public static WebhookRoutes x(String baseUri, String consumerSecret, int maxBodyBytes, int concurrentBodies,
                                  WebhookHandler handler, Health health, com.fasterxml.jackson.databind.ObjectMapper json,
                                  java.time.Clock clock) {
        WebhookCounters counters = new WebhookCounters();
        XWebhookSignature signature = new XWebhookSignature(consumerSecret);
        WebhookReceiver receiver = new WebhookReceiver(X, signature, new XCrcHandshake(signature, json), maxBodyBytes,
                "X delivers one event per request, far below this; such a body is not X's and nothing is to be configured",
                concurrentBodies, WebhookReceiver.WAIT_FOR_TURN, handler, counters, json, clock);
        return new WebhookRoutes(baseUri, X, receiver, counters, health);
    }

    /** Its counters' line on the health report, {@code webhook:<name>}. */
    public String gaugeName() {
        return "webhook:" + name;
    }

    /** The route's id, {@code webhook-<name>}. */
    public String routeId() {
        return "webhook-" + name;
    }

    @Override
    public void configure() {
        addTo(this);
    }

    /** Defines the webhook's route on {@code routes}: a channel's own webhook starts and stops with its routes. */
    public void addTo(RouteBuilder routes) {
        routes.from(baseUri + PATH + name + "?httpMethodRestrict=GET,POST&" + InboundRequest.OPTIONS)
                .routeId(routeId())
                .routePolicy(new CountersShown())
                .noStreamCaching()
                .process(receiver);
    }

    /**
     * The counters are on the health report while the route runs: a channel whose webhook is stopped (its intake
     * changed to poll on a hot reload, or it detached) leaves no {@code webhook:<name>} line behind.
     */
    private final class CountersShown extends org.apache.camel.support.RoutePolicySupport {
        @Override
        public void onStart(org.apache.camel.Route route) {
            health.gauge(gaugeName(), gauge);
        }

        @Override
        public void onStop(org.apache.camel.Route route) {
            health.forgetGauge(gaugeName(), gauge);
        }

        @Override
        public void onRemove(org.apache.camel.Route route) {
            onStop(route);
        }
    }
}
