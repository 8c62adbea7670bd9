package org.socialcarebridge.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP side every network simulator shares: routing, bearer auth, rate-limit headers, injected
 * faults, the request log and the {@code /sim} control API. A network registers its endpoints.
 */
public final class ApiServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint; {@code rateLimit} is per caller per 15 minutes, 0 for control endpoints. */
    public record Route(String method, Pattern pattern, List<String> names, String key, int rateLimit,
                        Function<ApiRequest, ApiResponse> handler) {
    }

    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    private final RequestLog log = new RequestLog();
    private final FaultPlan faults = new FaultPlan();
    private final Dialect dialect;
    private final RateLimits limits;
    private final List<Runnable> resets = new ArrayList<>();
    /** How this network words a malformed request; X and Mastodon differ. */
    private volatile Function<String, ApiResponse> invalidRequest =
            detail -> ApiResponse.problem(400, "Invalid Request", detail);
    /** Refuses a request the network would not read (by route key, e.g. an unknown query parameter). */
    private volatile java.util.function.BiConsumer<String, ApiRequest> requestCheck = (route, request) -> { };
    /** Faults that are not about one API path (Meta's webhook deliveries), by their {@code webhook} field. */
    private volatile Function<JsonNode, ApiResponse> otherFaults;

    public ApiServer(int port) throws IOException {
        this(port, Dialect.X);
    }

    public ApiServer(int port, Dialect dialect) throws IOException {
        this.dialect = dialect;
        this.limits = new RateLimits(dialect.windowSeconds());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // Unbounded: a streaming client (Mastodon's SSE) holds its thread for as long as it stays connected.
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        route("POST", "/sim/faults", 0, this::addFault);
        route("GET", "/sim/requests", 0, r -> ApiResponse.json(200, log.since(intParam(r, "since", 0))));
        route("DELETE", "/sim/requests", 0, r -> {
            log.clear();
            return ApiResponse.json(204, null);
        });
        route("DELETE", "/sim/state", 0, r -> {
            log.clear();
            faults.clear();
            limits.clear();
            resets.forEach(Runnable::run);
            return ApiResponse.json(204, null);
        });
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Registers an endpoint; {@code {name}} segments become path parameters. */
    public void route(String method, String template, int rateLimit, Function<ApiRequest, ApiResponse> handler) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, method + " " + template, rateLimit, handler));
    }

    /** Called on {@code DELETE /sim/state} so the network forgets its users, posts and messages. */
    public void onReset(Runnable reset) {
        resets.add(reset);
    }

    private ApiResponse addFault(ApiRequest r) {
        JsonNode f = jsonBody(r);
        if (f.has("webhook") && otherFaults != null) {
            return otherFaults.apply(f);
        }
        long hold = f.path("holdSeconds").asLong(0);
        if (!f.hasNonNull("path") || !(f.path("status").canConvertToInt() || hold > 0)) {
            throw new ApiException(dialect.error(400, "Invalid Request", "a fault needs 'path' and 'status' (or 'holdSeconds'"
                    + " to hold the real answer), e.g. {\"method\":\"POST\",\"path\":\"/2/tweets\",\"status\":503,"
                    + "\"accept\":true,\"holdSeconds\":0,\"count\":1}"));
        }
        faults.add(f.path("method").asText(null), f.get("path").asText(), f.path("status").asInt(0),
                f.path("count").asInt(1), f.path("resetSeconds").asLong(60), f.path("accept").asBoolean(false), hold);
        return ApiResponse.json(201, f);
    }

    /** Accepts faults named by a {@code webhook} field on {@code POST /sim/faults}, for a network that sends webhooks. */
    public void acceptWebhookFaults(Function<JsonNode, ApiResponse> handler) {
        otherFaults = handler;
    }

    /** Sets how a malformed request is answered, in the network's own error shape. */
    public void invalidRequestAs(Function<String, ApiResponse> shape) {
        invalidRequest = shape;
    }

    /**
     * Sets how the network checks a request before answering it, by the route's key
     * ({@code GET /2/users/{id}/mentions}); the check throws {@link ApiException} to refuse it.
     */
    public void checkRequestsWith(java.util.function.BiConsumer<String, ApiRequest> check) {
        requestCheck = check;
    }

    public JsonNode jsonBody(ApiRequest r) {
        try {
            JsonNode node = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            if (node == null || !node.isObject()) {
                throw new ApiException(invalidRequest.apply("the body must be a JSON object"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(invalidRequest.apply("the body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static int intParam(ApiRequest r, String name, int fallback) {
        try {
            return r.param(name) == null ? fallback : Integer.parseInt(r.param(name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        boolean control = path.startsWith("/sim/");
        ApiResponse response;
        String body = null;
        try {
            body = readBody(ex.getRequestBody());
            response = dispatch(method, path, rawQuery, ex.getRequestHeaders(), body, control);
        } catch (ApiException e) {
            response = e.response();
        } catch (RuntimeException e) {
            response = dialect.error(500, "Internal Error", "the simulator failed: " + e);
        }
        if (!control) {
            // Meta clients put the token in the query (access_token=); the log shows that one was sent, not which.
            log.add(method, path, rawQuery == null ? null : rawQuery.replaceAll("(^|&)access_token=[^&]*", "$1access_token=REDACTED"),
                    response.status());
        }
        response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (response.body() instanceof ApiResponse.Stream stream) {
            // A long-lived answer (a streaming API): chunked, the length unknown; its owner writes and closes it,
            // on this thread (Mastodon's SSE) or on its own writer after this returns (X's activity stream).
            ex.sendResponseHeaders(response.status(), 0);
            stream.open(ex.getResponseBody());
            return;
        }
        byte[] bytes = response.body() == null ? new byte[0]
                : response.body() instanceof byte[] raw ? raw : JSON.writeValueAsBytes(response.body());
        if (bytes.length > 0 && !response.headers().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ApiResponse dispatch(String method, String path, String rawQuery, com.sun.net.httpserver.Headers headers,
                                 String body, boolean control) {
        String authorization = headers.getFirst("Authorization");
        Map<String, String> requestHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> requestHeaders.put(k, v.isEmpty() ? "" : v.get(0)));
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                params.put(route.names().get(i), java.net.URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : null;
            ApiRequest request = new ApiRequest(method, path, rawQuery, ApiRequest.parseQuery(rawQuery), params, bearer, body,
                    requestHeaders);
            if (control) {
                return route.handler().apply(request);
            }
            Optional<FaultPlan.Injected> fault = faults.take(method, path, dialect);
            if (fault.isPresent() && !fault.get().accept()) {
                return fault.get().answer(null);
            }
            long[] window = limits.hit(dialect.limitKey(bearer == null ? "anonymous" : bearer, route.key()), route.rateLimit());
            ApiResponse response;
            try {
                if (window[1] < 0) {
                    response = dialect.error(429, "Too Many Requests", "Too Many Requests");
                } else {
                    requestCheck.accept(route.key(), request);
                    response = route.handler().apply(request);
                }
            } catch (ApiException e) {
                response = e.response();
            }
            dialect.rateHeaders(response, window[0], window[1], window[2]);
            // Accepted: the work is done (a post created), then the injected answer goes out instead.
            return fault.isPresent() ? fault.get().answer(response) : response;
        }
        return pathKnown ? dialect.error(405, "Method Not Allowed", method + " is not allowed on " + path)
                : dialect.error(404, "Not Found Error", "no such endpoint: " + path);
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(ApiResponse.problem(413, "Payload Too Large", "bodies are limited to " + MAX_BODY_BYTES + " bytes"));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
