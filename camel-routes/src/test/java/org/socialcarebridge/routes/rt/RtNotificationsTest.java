package org.socialcarebridge.routes.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.routes.http.InboundRequest;
import org.socialcarebridge.routes.http.RawHttp;

/** RT's reply notification over real HTTP: secret first, JSON only, small, well-formed, and after the reconciler's start. */
class RtNotificationsTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final DefaultCamelContext camel = new DefaultCamelContext();
    final List<Long> taken = new CopyOnWriteArrayList<>();
    volatile OptionalLong startPoint = OptionalLong.of(100);
    int port;

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    /** The notification route as RtRoutes builds it, the outbox replaced by a list. */
    String serve(String secret) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RtNotifications notifications = new RtNotifications(secret, () -> startPoint, json);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jetty:http://127.0.0.1:" + port + "/socialcare/rt/transactions?httpMethodRestrict=POST&"
                        + InboundRequest.OPTIONS)
                        .noStreamCaching()
                        .process(notifications)
                        .filter(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(202))
                        .process(exchange -> taken.add(exchange.getMessage().getBody(Long.class)))
                        .setBody(constant("{\"accepted\":true}"));
            }
        });
        camel.start();
        return "http://127.0.0.1:" + port + "/socialcare/rt/transactions";
    }

    HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, String> rt(String secret) {
        return Map.of("Content-Type", "application/json", RtNotifications.SECRET_HEADER, secret);
    }

    @Test
    void rtsNotificationOfANewTransactionIsTaken() throws Exception {
        String url = serve(SECRET);
        HttpResponse<String> r = post(url, rt(SECRET), "{\"ticket\":7,\"transaction\":101}");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(List.of(101L), taken);
        assertEquals(202, post(url, Map.of("Content-Type", "application/json; charset=UTF-8",
                RtNotifications.SECRET_HEADER, SECRET), "{\"ticket\":7,\"transaction\":102}").statusCode());
        assertEquals(List.of(101L, 102L), taken);
    }

    @Test
    void withoutTheRightSecretNothingIsTakenAndTheSecretIsNeverEchoed() throws Exception {
        String url = serve(SECRET);
        String body = "{\"ticket\":7,\"transaction\":101}";
        HttpResponse<String> none = post(url, Map.of("Content-Type", "application/json"), body);
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains(RtNotifications.SECRET_HEADER) && none.body().contains("notifySecret"), none.body());
        String wrong = SECRET.substring(0, SECRET.length() - 1) + "0";
        assertEquals(401, post(url, rt(wrong), body).statusCode());
        assertEquals(401, post(url, rt(SECRET.substring(1)), body).statusCode());
        HttpResponse<String> inUrl = post(url + "?X-SocialCare-Secret=" + SECRET, Map.of("Content-Type", "application/json"), body);
        assertEquals(401, inUrl.statusCode(), "only the header counts");
        assertFalse(inUrl.body().contains(SECRET));
        assertEquals(List.of(), taken);
    }

    @Test
    void theSecretIsCheckedBeforeAnyOfTheBodyIsRead() throws Exception {
        serve(SECRET);
        // 20 MB announced, none sent: an answer at all shows the body was not waited for.
        RawHttp.Answer r = RawHttp.send(port, "POST", "/socialcare/rt/transactions", Map.of("Content-Type", "application/json",
                RtNotifications.SECRET_HEADER, "forged", "Content-Length", String.valueOf(20 << 20)), new byte[0], 0, false, false);
        assertEquals(401, r.status(), r.body());
    }

    @Test
    void onlyJsonIsTakenSoACrossSiteFormPostIsRefused() throws Exception {
        String url = serve(SECRET);
        String body = "{\"ticket\":7,\"transaction\":101}";
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonp")) {
            HttpResponse<String> r = post(url, Map.of("Content-Type", type, RtNotifications.SECRET_HEADER, SECRET), body);
            assertEquals(415, r.statusCode(), type);
            assertTrue(r.body().contains("application/json"), r.body());
        }
        assertEquals(415, post(url, Map.of(RtNotifications.SECRET_HEADER, SECRET), body).statusCode());
        assertEquals(List.of(), taken);
    }

    @Test
    void theBodyMustBeAnObjectWithPositiveWholeTicketAndTransaction() throws Exception {
        String url = serve(SECRET);
        for (String body : List.of("not json", "[101]", "101", "{\"ticket\":7}", "{\"transaction\":101}",
                "{\"ticket\":7,\"transaction\":\"101\"}", "{\"ticket\":\"7\",\"transaction\":101}",
                "{\"ticket\":7,\"transaction\":-101}", "{\"ticket\":0,\"transaction\":101}", "{\"ticket\":7,\"transaction\":101.5}",
                "{\"ticket\":7,\"transaction\":99999999999999999999999}", "{\"ticket\":7,\"transaction\":\"<script>\"}", "")) {
            HttpResponse<String> r = post(url, rt(SECRET), body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(r.body().contains("malformed notification"), r.body());
            assertFalse(r.body().contains("<script>"), "a stranger's text is not echoed");
        }
        assertEquals(List.of(), taken);
    }

    @Test
    void aTransactionAtOrBeforeTheReconcilersStartIsIgnored() throws Exception {
        String url = serve(SECRET);
        for (long old : List.of(1L, 99L, 100L)) {
            HttpResponse<String> r = post(url, rt(SECRET), "{\"ticket\":7,\"transaction\":" + old + "}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("false", json.readTree(r.body()).path("accepted").asText());
            assertTrue(json.readTree(r.body()).path("ignored").asText().contains("100"), r.body());
        }
        startPoint = OptionalLong.empty();
        HttpResponse<String> early = post(url, rt(SECRET), "{\"ticket\":7,\"transaction\":500}");
        assertEquals(200, early.statusCode(), "before the reconciler's first read there is no start point yet");
        assertTrue(early.body().contains("ignored"), early.body());
        assertEquals(List.of(), taken);
    }

    @Test
    void withoutANotifySecretEveryCallIsRefusedSayingHowToSetIt() throws Exception {
        String url = serve(null);
        HttpResponse<String> r = post(url, rt(""), "{\"ticket\":7,\"transaction\":101}");
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("notifySecret") && r.body().contains("etc/org.socialcarebridge.http.cfg")
                && r.body().contains("$SocialCareNotifySecret"), r.body());
        assertEquals(List.of(), taken);
    }

    @Test
    void aLargeBodyIsRefusedWith413WithoutReadingItAll() throws Exception {
        String url = serve(SECRET);
        Map<String, String> headers = Map.of("Content-Type", "application/json", RtNotifications.SECRET_HEADER, SECRET);
        byte[] start = "{\"ticket\":7,\"transaction\":101,\"pad\":\"".getBytes(StandardCharsets.UTF_8);

        // Announced too large: refused before a byte is read (none is sent).
        var lengthSaysSo = new java.util.HashMap<>(headers);
        lengthSaysSo.put("Content-Length", String.valueOf(20 << 20));
        RawHttp.Answer announced = RawHttp.send(port, "POST", "/socialcare/rt/transactions", lengthSaysSo, start, 0, false, false);
        assertEquals(413, announced.status(), announced.body());

        // Chunked, without a length: refused once past the cap, while the rest is still unsent.
        var chunked = new java.util.HashMap<>(headers);
        chunked.put("Transfer-Encoding", "chunked");
        RawHttp.Answer streamed = RawHttp.send(port, "POST", "/socialcare/rt/transactions", chunked, start, 64 * 1024, true, false);
        assertEquals(413, streamed.status(), streamed.body());
        assertTrue(streamed.body().contains(String.valueOf(RtNotifications.MAX_BODY)), streamed.body());

        // A small chunked notification still goes through.
        RawHttp.Answer small = RawHttp.send(port, "POST", "/socialcare/rt/transactions", chunked,
                "{\"ticket\":7,\"transaction\":101}".getBytes(StandardCharsets.UTF_8), 0, true, true);
        assertEquals(202, small.status(), small.body());
        assertEquals(List.of(101L), taken);
        assertEquals(202, post(url, headers, "{\"ticket\":7,\"transaction\":102}").statusCode());
    }
}
