package org.socialcarebridge.routes.triage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.FilteredMessages;
import org.socialcarebridge.intake.NoiseDigest;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.host.Alerts;
import org.socialcarebridge.host.DeskActivity;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.routes.health.Tick;
import org.socialcarebridge.routes.http.AdminToken;
import org.socialcarebridge.routes.http.InboundRequest;
import org.socialcarebridge.triage.engine.DecisionReport;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.engine.TriageTraining;
import org.socialcarebridge.triage.rules.ReloadOutcome;
import org.socialcarebridge.triage.rules.RulesFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage's route set: reload the rules file when it changes (a bad file is refused, the last good
 * rules stay), learn from agents' corrections in the help desk, add filtered noise to the help desk's
 * daily digest, and the administrator's REST calls:
 * <pre>
 * GET  /socialcare/triage/filtered[?since=2026-12-01T00:00:00Z&amp;limit=100]   what triage kept out as noise
 * POST /socialcare/triage/filtered/{message key}/promote                       file it as a ticket after all
 * POST /socialcare/triage/decide    {"text": "…", "followers": 120, "verified": false}   dry run, touches nothing
 * </pre>
 */
public final class TriageRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(TriageRoutes.class);
    /** The dry run's body: one message and its author's signals; larger is refused with 413 before it is read. */
    static final int MAX_BODY = 64 * 1024;

    private final String baseUri;
    private final RulesFile rulesFile;
    /** The networks a dry run may name: the channels declared. */
    private final Channels channels;
    private final ChannelStatus rulesStatus;
    private final Triage triage;
    private final FilteredMessages filtered;
    private final TriageTraining training;
    private final DeskActivity activity;
    private final NoiseDigest digest;
    private final Duration correctionsInterval;
    private final AdminToken admin;
    private final ObjectMapper json;
    private final Clock clock;
    /** Why the rules file on disk is not the one in force; only the reload timer's thread writes it. */
    private volatile String rulesProblem;

    /**
     * @param activity where agents' corrections of triage are read; null when no help desk is configured
     * @param alerts   where supervisors audit the filtered noise; null when no help desk is configured
     */
    public TriageRoutes(String baseUri, RulesFile rulesFile, Channels channels, ChannelStatus rulesStatus, Triage triage,
                        FilteredMessages filtered, TriageTraining training, Database db, DeskActivity activity,
                        Alerts alerts, Duration correctionsInterval, AdminToken admin, ObjectMapper json, Clock clock) {
        this.baseUri = baseUri;
        this.rulesFile = rulesFile;
        this.channels = channels;
        this.rulesStatus = rulesStatus;
        this.triage = triage;
        this.filtered = filtered;
        this.training = training;
        this.activity = activity;
        this.digest = alerts == null ? null : new NoiseDigest(db, alerts, clock);
        this.correctionsInterval = correctionsInterval;
        this.admin = admin;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:triage-rules?delay=0&period=1000")
                .routeId("triage-rules")
                .process(Tick.of(exchange -> reloadRules()));

        if (activity != null && digest != null) {
            from("timer:triage-noise-digest?delay=3000&period=" + correctionsInterval.toMillis())
                    .routeId("triage-noise-digest")
                    .process(Tick.of(exchange -> {
                        try {
                            digest.publish();
                        } catch (RuntimeException e) {
                            LOG.warn("Filtered messages not added to the help desk's digest yet (the next look retries): {}",
                                    e.getMessage());
                        }
                    }));
            from("timer:triage-corrections?delay=2000&period=" + correctionsInterval.toMillis())
                    .routeId("triage-corrections")
                    .process(Tick.of(exchange -> {
                        try {
                            int learnt = training.learnFromDesk(activity);
                            if (learnt > 0) {
                                LOG.info("Triage learnt {} corrections agents made in the help desk", learnt);
                            }
                        } catch (RuntimeException e) {
                            LOG.warn("Agents' triage corrections not read yet (the next look retries): {}", e.getMessage());
                        }
                    }));
        }

        from(baseUri + "/triage?matchOnUriPrefix=true&httpMethodRestrict=GET,POST&" + InboundRequest.OPTIONS)
                .routeId("triage-admin")
                .noStreamCaching()
                .process(this::handle);
    }

    private void reloadRules() {
        ReloadOutcome outcome = rulesFile.reloadIfChanged();
        switch (outcome.status()) {
            case LOADED -> {
                LOG.info(outcome.message());
                rulesProblem = null;
            }
            case REJECTED -> {
                rulesProblem = outcome.problems().stream().map(Object::toString).collect(Collectors.joining(" | "));
                LOG.error("Triage rules in {} rejected; the previous rules stay in force ({}). {}", rulesFile.path(),
                        outcome.message(), rulesProblem);
            }
            case MISSING -> {
                LOG.warn(outcome.message());
                rulesProblem = null;
            }
            case UNCHANGED -> {
                // a rejected file stays rejected until it changes
            }
        }
        if (rulesProblem == null) {
            rulesStatus.succeeded(clock.instant(), rulesFile.current().sourceName());
        } else {
            rulesStatus.failed(clock.instant(), rulesProblem);
        }
    }

    private void handle(Exchange exchange) throws Exception {
        InboundRequest request = InboundRequest.of(exchange);
        String method = request.method();
        String path = request.path();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        // The token first, from the header; the body only once the caller is known, and capped.
        if (!admin.admits(request, out)) {
            return;
        }
        try {
            if ("GET".equals(method) && path.equals("filtered")) {
                String since = request.query("since");
                Instant from = since == null ? Instant.EPOCH : Instant.parse(since);
                int max = request.limit(100, 1000);
                admin.answer(out, 200, Map.of("count", filtered.count(),
                        "messages", filtered.since(from, max).stream().map(TriageRoutes::view).toList()));
            } else if ("POST".equals(method) && path.startsWith("filtered/") && path.endsWith("/promote")) {
                String key = URLDecoder.decode(path.substring("filtered/".length(), path.length() - "/promote".length()),
                        StandardCharsets.UTF_8);
                training.promote(key);
                admin.answer(out, 202, Map.of("promoted", key, "next", "filed as a ticket within a second"));
            } else if ("POST".equals(method) && path.equals("decide")) {
                dryRun(request.body(MAX_BODY), out);
            } else {
                admin.answer(out, 404, Map.of("error", method + " /socialcare/triage/" + path + " is not a triage call; use"
                        + " GET filtered, POST filtered/{key}/promote or POST decide"));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            admin.answer(out, 400, Map.of("error", e.getMessage()));
        } catch (InboundRequest.BodyTooLargeException e) {
            admin.answer(out, 413, Map.of("error", e.getMessage() + "; send the message to decide on, at most 64 KiB"));
        }
    }

    private void dryRun(String body, Message out) throws Exception {
        if (body.isBlank()) {
            admin.answer(out, 400, Map.of("error", "Send a JSON body of at most 64 KiB: {\"text\": \"…\", \"followers\": 120,"
                    + " \"verified\": false, \"vip\": false, \"network\": \"x\", \"private\": false}"));
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            admin.answer(out, 400, Map.of("error", "The body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        if (!request.path("text").isTextual()) {
            admin.answer(out, 400, Map.of("error", "'text' must be the message as a string"));
            return;
        }
        String key = request.path("network").asText("x");
        Network network = channels.network(key).orElseThrow(() -> new IllegalArgumentException("Unknown network '"
                + key + "'; expected one of " + String.join(", ", channels.keys())));
        TriageInput input = new TriageInput(request.get("text").asText(), network,
                request.path("private").asBoolean(false) ? Visibility.PRIVATE : Visibility.PUBLIC, null,
                Math.max(0, request.path("followers").asLong(0)), request.path("verified").asBoolean(false),
                request.path("vip").asBoolean(false));
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setBody(DecisionReport.json(triage.decide(input, clock.instant())));
    }

    private static Map<String, Object> view(FilteredMessages.Filtered f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", f.key());
        v.put("author", f.author());
        v.put("text", f.text());
        v.put("reasons", f.reasons());
        v.put("filteredAt", f.filteredAt().toString());
        return v;
    }
}
