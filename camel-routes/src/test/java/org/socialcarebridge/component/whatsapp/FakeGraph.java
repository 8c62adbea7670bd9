package org.socialcarebridge.component.whatsapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Graph API on 127.0.0.1 and a free port: it records every request and answers what the
 * test's function says (the WhatsApp simulator proper lives in network-simulators).
 */
final class FakeGraph implements AutoCloseable {
    record Request(String method, String path, String authorization, String body) {
    }

    record Answer(int status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }

        static Answer error(int code, String message) {
            return new Answer(400, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                    + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"details of " + code + "\"},"
                    + "\"fbtrace_id\":\"Atrace\"}}");
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile Function<Request, Answer> answers;

    FakeGraph(Function<Request, Answer> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath()
                    + (query == null ? "" : "?" + query), exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(r);
            Answer a = this.answers.apply(r);
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
