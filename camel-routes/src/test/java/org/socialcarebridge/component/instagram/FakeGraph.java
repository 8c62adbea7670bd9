package org.socialcarebridge.component.instagram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A Graph API double on 127.0.0.1 and a free port: answers what a test set per method and path (without the
 * query), records every request, and answers anything else as Graph does an unknown object (400, #100/33).
 */
final class FakeGraph implements AutoCloseable {
    record Request(String method, String path, String query, String body, String authorization) {
    }

    record Answer(int status, String body) {
    }

    /** The simulator's Instagram account and the Page it is linked to. */
    static final String ACCOUNT = "17841400000000001";
    static final String PAGE = "576497280794490";
    /** Random per run: no token is written into the tests. */
    final String token = "page-token-" + java.util.UUID.randomUUID();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakeGraph() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(400,
                    "{\"error\":{\"message\":\"Unsupported request: no " + path + "\",\"type\":\"GraphMethodException\","
                            + "\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"Afake\"}}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The Graph API's base URL, without the version. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The channel's configuration against this double. */
    InstagramConfiguration configuration() {
        InstagramConfiguration c = new InstagramConfiguration();
        c.setBaseUrl(url());
        c.setAccountId(ACCOUNT);
        c.setPageId(PAGE);
        c.setPageToken(token);
        return c;
    }

    /** {@code GET /17841/media} answers {@code body} (the version is added). */
    FakeGraph answer(String method, String path, String body) {
        return answer(method, path, 200, body);
    }

    FakeGraph answer(String method, String path, int status, String body) {
        answers.put(method + " /v23.0" + path, new Answer(status, body));
        return this;
    }

    List<Request> to(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals("/v23.0" + path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
