package org.socialcarebridge.component.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

class ReconnectingStreamTest {
    @Test
    void linesEndByLfCrlfOrCrAndTheLastNeedsNoEnd() throws IOException {
        BufferedReader in = new BufferedReader(new StringReader("a\nb\r\nc\rd"));
        assertEquals("a", ReconnectingStream.readLine(in));
        assertEquals("b", ReconnectingStream.readLine(in));
        assertEquals("c", ReconnectingStream.readLine(in));
        assertEquals("d", ReconnectingStream.readLine(in));
        assertNull(ReconnectingStream.readLine(in));
    }

    @Test
    void aLineLongerThanAnyEventIsRefusedRatherThanHeldInMemory() {
        BufferedReader in = new BufferedReader(new StringReader("x".repeat(ReconnectingStream.LONGEST_LINE + 1) + "\n"));
        IOException e = assertThrows(IOException.class, () -> ReconnectingStream.readLine(in));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void anErrorWhileReadingOneConnectionEndsOnlyThatConnection() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger served = new AtomicInteger();
        server.createContext("/stream", exchange -> {
            byte[] body = ("event " + served.incrementAndGet() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        AtomicInteger catchUps = new AtomicInteger();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stream");
        ReconnectingStream stream = new ReconnectingStream("Test stream", HttpClient.newHttpClient(),
                () -> HttpRequest.newBuilder(uri).build(), catchUps::incrementAndGet, () -> line -> {
                    seen.add(line);
                    throw new StackOverflowError("a handler's Error, as from a hostile event");
                }, Duration.ofMillis(10), Duration.ofMillis(20));
        try {
            stream.start();
            for (int i = 1; i <= 3; i++) {
                assertEquals("event " + i, seen.poll(20, TimeUnit.SECONDS), "connection " + i + " read");
            }
            assertTrue(stream.connects() >= 3, "opened again after each Error: " + stream.connects());
            assertTrue(catchUps.get() >= 3, "caught up on every connect");
        } finally {
            stream.close();
            server.stop(0);
        }
        assertEquals("stopped", stream.state());
    }
}
