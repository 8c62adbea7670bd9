package org.socialcarebridge.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A pass-through proxy in front of RT, where the plugin reaches RT instead ({@link EndToEnd#withRtProxy}). It
 * counts the requests by method and path shape (ids as {id}), and can hold the first ticket creation (the
 * extension's /SocialCare/Ticket, or REST2's) whose body contains a marker, then pass it on: RT creates the
 * ticket after the plugin's client has given up.
 */
final class RtProxy implements AutoCloseable {
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private final String target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String marker;
    private volatile Duration hold;
    private volatile CompletableFuture<Void> released;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    RtProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests passed on so far, by method and path with the object as {id}, e.g. "POST /REST/2.0/ticket". */
    Map<String, Long> requests() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    /** "/REST/2.0/user/x%3A123" -> "/REST/2.0/user/{id}", "/REST/2.0/ticket/7/history" -> "/REST/2.0/ticket/{id}/history". */
    static String shape(String path) {
        String rest2 = "/REST/2.0/";
        if (!path.startsWith(rest2)) {
            return path;
        }
        String[] parts = path.substring(rest2.length()).split("/", -1);
        if (parts.length > 1) {
            parts[1] = "{id}";
        }
        return rest2 + String.join("/", parts);
    }

    /** Completes once the held creation has been passed on to RT and RT answered it. */
    CompletableFuture<Void> holdFirstCreateContaining(String marker, Duration hold) {
        this.hold = hold;
        this.released = new CompletableFuture<>();
        this.marker = marker;
        return released;
    }

    private void forward(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        requests.computeIfAbsent(method + " " + shape(path), k -> new LongAdder()).increment();
        String m = marker;
        boolean holdThis = m != null && "POST".equals(method)
                && (path.endsWith("/SocialCare/Ticket") || path.endsWith("/REST/2.0/ticket"))
                && new String(body, StandardCharsets.UTF_8).contains(m);
        if (holdThis) {
            marker = null;
            try {
                Thread.sleep(hold.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String query = ex.getRequestURI().getRawQuery();
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!HOP.contains(lower)) {
                // RT's CSRF check compares the Referer with its own address: as a reverse proxy would, say RT's.
                values.forEach(v -> out.header(name, lower.equals("referer") || lower.equals("origin")
                        ? v.replace(url(), target) : v));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            if (holdThis) {
                released.complete(null);
            }
        }
        answer.headers().map().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> ex.getResponseHeaders().add(name, v));
            }
        });
        byte[] bytes = answer.body();
        try {
            ex.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(bytes);
            }
        } catch (IOException gone) {
            // the plugin stopped waiting long ago: that is the point
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
