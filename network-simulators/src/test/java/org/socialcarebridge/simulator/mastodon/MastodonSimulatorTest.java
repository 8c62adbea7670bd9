package org.socialcarebridge.simulator.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.simulator.SpecCheck;

/**
 * The Mastodon simulator over real HTTP; every API answer is checked against Mastodon's OpenAPI
 * document (shared/specs/mastodon.openapi.json, copied into the test resources).
 */
class MastodonSimulatorTest {
    static SpecCheck spec;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    MastodonSimulator sim;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @BeforeAll
    static void loadSpec() {
        spec = new SpecCheck("/specs/mastodon.openapi.json", Set.of());
    }

    @BeforeEach
    void start() throws Exception {
        sim = MastodonSimulator.start(0, "acme", "brand-token", 1);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    Answer call(String method, String pathAndQuery, String bearer, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = r.body().isBlank() ? null : json.readTree(r.body());
        if (!pathAndQuery.startsWith("/sim/")) {
            spec.answer(method, pathAndQuery.replace("types[]", "types").replace("exclude_types[]", "exclude_types"), body, r);
        }
        return new Answer(r.statusCode(), node, r);
    }

    String post(String acct, String text, String visibility, String inReplyTo) throws Exception {
        var body = json.createObjectNode().put("status", text).put("visibility", visibility);
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        Answer a = call("POST", "/api/v1/statuses", "sim-user:" + acct, body.toString());
        assertEquals(200, a.status(), a.raw().body());
        return a.body().path("id").asText();
    }

    @Test
    void accountsAreStableAndTheBrandTokenIsTheBrand() throws Exception {
        Answer me = call("GET", "/api/v1/accounts/verify_credentials", "sim-user:maria", null);
        assertEquals(200, me.status());
        assertEquals("maria", me.body().path("acct").asText());
        call("PUT", "/sim/accounts/maria", null, "{\"display_name\":\"Maria L\",\"followers_count\":12}");
        JsonNode again = call("GET", "/api/v1/accounts/" + me.body().path("id").asText(), "sim-user:bob", null).body();
        assertEquals("Maria L", again.path("display_name").asText());
        assertEquals(12, again.path("followers_count").asInt());
        assertEquals(sim.brandId(), call("GET", "/api/v1/accounts/verify_credentials", "brand-token", null).body().path("id").asText());
        Answer bad = call("GET", "/api/v1/accounts/verify_credentials", "nope", null);
        assertEquals(401, bad.status());
        assertEquals("The access token is invalid", bad.body().path("error").asText());
    }

    @Test
    void mentionsAndDirectPostsNotifyTheBrandAndTypesFilterBoostsAndFavourites() throws Exception {
        String pub = post("carol", "@acme where is my <script>parcel</script>?", "public", null);
        String dm = post("carol", "@acme my order is 1234", "direct", null);
        String brandPost = post("acme", "Our summer sale starts today", "public", null);
        assertEquals(200, call("POST", "/api/v1/statuses/" + brandPost + "/reblog", "sim-user:dan", null).status());
        assertEquals(200, call("POST", "/api/v1/statuses/" + brandPost + "/favourite", "sim-user:dan", null).status());

        JsonNode all = call("GET", "/api/v1/notifications", "brand-token", null).body();
        assertEquals(4, all.size());
        JsonNode mentions = call("GET", "/api/v1/notifications?types[]=mention", "brand-token", null).body();
        assertEquals(2, mentions.size());
        assertEquals(dm, mentions.get(0).path("status").path("id").asText(), "newest first");
        assertEquals("direct", mentions.get(0).path("status").path("visibility").asText());
        String content = mentions.get(1).path("status").path("content").asText();
        assertTrue(content.contains("&lt;script&gt;") && !content.contains("<script>"), content);
        assertTrue(content.contains("class=\"u-url mention\">@<span>acme</span>"), content);
        assertEquals(pub, mentions.get(1).path("status").path("id").asText());

        // A direct post is seen by the mentioned brand, and by nobody else.
        assertEquals(200, call("GET", "/api/v1/statuses/" + dm, "brand-token", null).status());
        Answer stranger = call("GET", "/api/v1/statuses/" + dm, "sim-user:eve", null);
        assertEquals(404, stranger.status());
        assertEquals("Record not found", stranger.body().path("error").asText());
    }

    @Test
    void notificationsPageWithLinkHeadersSinceIdAndMaxId() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            post("u" + i, "@acme message " + i, "public", null);
        }
        Answer first = call("GET", "/api/v1/notifications?types[]=mention&limit=2", "brand-token", null);
        assertEquals(2, first.body().size());
        String link = first.raw().headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("rel=\"next\"") && link.contains("rel=\"prev\""), link);
        first.body().forEach(n -> ids.add(n.path("id").asText()));
        String maxId = ids.get(1);
        Answer second = call("GET", "/api/v1/notifications?types[]=mention&limit=2&max_id=" + maxId, "brand-token", null);
        second.body().forEach(n -> ids.add(n.path("id").asText()));
        Answer third = call("GET", "/api/v1/notifications?types[]=mention&limit=2&max_id=" + ids.get(3), "brand-token", null);
        third.body().forEach(n -> ids.add(n.path("id").asText()));
        assertEquals(5, Set.copyOf(ids).size(), "every notification once across pages: " + ids);
        Answer since = call("GET", "/api/v1/notifications?types[]=mention&since_id=" + ids.get(1), "brand-token", null);
        assertEquals(1, since.body().size(), "only what is newer than since_id");
        assertEquals(ids.get(0), since.body().get(0).path("id").asText());
    }

    @Test
    void contextGivesAncestorsInOrderAndADeletedParentEndsTheChain() throws Exception {
        String a = post("olga", "my router died", "public", null);
        String b = post("pete", "@olga same here", "public", a);
        String c = post("quinn", "@acme look at this thread", "public", b);
        JsonNode context = call("GET", "/api/v1/statuses/" + c + "/context", "brand-token", null).body();
        assertEquals(List.of(a, b), List.of(context.path("ancestors").get(0).path("id").asText(),
                context.path("ancestors").get(1).path("id").asText()));
        assertEquals(200, call("DELETE", "/api/v1/statuses/" + a, "sim-user:olga", null).status());
        JsonNode after = call("GET", "/api/v1/statuses/" + c + "/context", "brand-token", null).body();
        assertEquals(1, after.path("ancestors").size());
        assertEquals(b, after.path("ancestors").get(0).path("id").asText());
        Answer replyToGone = call("POST", "/api/v1/statuses", "sim-user:olga", "{\"status\":\"hi\",\"in_reply_to_id\":\"" + a + "\"}");
        assertEquals(404, replyToGone.status());
    }

    @Test
    void idempotencyKeyPostsOnceAndTheLimitCountsLinksAs23() throws Exception {
        String body = "{\"status\":\"@carol on it\",\"visibility\":\"public\"}";
        Answer one = call("POST", "/api/v1/statuses", "brand-token", body, "Idempotency-Key", "reply-77");
        Answer two = call("POST", "/api/v1/statuses", "brand-token", body, "Idempotency-Key", "reply-77");
        assertEquals(one.body().path("id").asText(), two.body().path("id").asText());
        JsonNode statuses = call("GET", "/sim/statuses", null, null).body();
        assertEquals(1, statuses.size());
        assertEquals(1, statuses.get(0).path("idempotent_repeats").asInt());

        String url = "https://example.com/" + "x".repeat(200);
        String fits = "y".repeat(477) + url; // 477 + 23 = 500
        assertEquals(200, call("POST", "/api/v1/statuses", "brand-token", json.createObjectNode().put("status", fits).toString()).status());
        Answer tooLong = call("POST", "/api/v1/statuses", "brand-token", json.createObjectNode().put("status", "z".repeat(501)).toString());
        assertEquals(422, tooLong.status());
        assertEquals("Validation failed: Text character limit of 500 exceeded", tooLong.body().path("error").asText());
        assertEquals(404, call("POST", "/api/v1/statuses", "brand-token", "{\"status\":\"hi\",\"in_reply_to_id\":\"42\"}").status());
    }

    /** The hostile run's fediverse customer: a long domain, a long name, a long profile address, a long status. */
    @Test
    void anotherServersAccountKeepsItsDomainItsProfileAddressAndItsServersLength() throws Exception {
        String domain = ("l" + "o".repeat(61) + "ng.").repeat(3) + "example";
        String acct = "zed@" + domain;
        String profile = "https://" + domain + "/@zed?" + "p".repeat(1100);
        assertEquals(200, call("PUT", "/sim/accounts/" + acct, null, json.createObjectNode()
                .put("display_name", "Z".repeat(500)).put("url", profile).toString()).status());
        String text = "@acme " + "my router is broken ".repeat(1000) + "\uD83D"; // and half an emoji, as JSON can carry it
        // Escaped, as a lone surrogate has no UTF-8 form of its own.
        Answer posted = call("POST", "/sim/statuses", null, json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII)
                .writeValueAsString(json.createObjectNode().put("acct", acct).put("status", text).put("visibility", "public")));
        assertEquals(200, posted.status(), posted.raw().body());
        assertEquals(422, call("POST", "/sim/statuses", null, "{\"acct\":\"zed@-bad\",\"status\":\"hi\"}").status());

        JsonNode mention = call("GET", "/api/v1/notifications?types[]=mention", "brand-token", null).body().get(0);
        JsonNode account = mention.path("account");
        assertEquals(acct, account.path("acct").asText());
        assertEquals("zed", account.path("username").asText());
        assertEquals(profile, account.path("url").asText());
        assertEquals(500, account.path("display_name").asText().length());
        assertTrue(mention.path("status").path("url").asText().startsWith(profile + "/"), "the status lives under the profile");
        String content = mention.path("status").path("content").asText();
        assertTrue(content.length() > 20_000 && content.endsWith("\uD83D</p>"), "the whole text, the lone surrogate kept");
        assertTrue(mention.path("status").path("uri").asText().startsWith("https://" + domain + "/users/zed/"));
    }

    @Test
    void rateLimitAnswers429WithAnIsoResetTime() throws Exception {
        Answer ok = call("GET", "/api/v1/accounts/verify_credentials", "brand-token", null);
        assertEquals("300", ok.raw().headers().firstValue("X-RateLimit-Limit").orElseThrow());
        Instant.parse(ok.raw().headers().firstValue("X-RateLimit-Reset").orElseThrow());
        call("POST", "/sim/faults", null, "{\"path\":\"/api/v1/notifications\",\"status\":429,\"count\":1,\"resetSeconds\":40}");
        Answer limited = call("GET", "/api/v1/notifications", "brand-token", null);
        assertEquals(429, limited.status());
        assertEquals("Too many requests", limited.body().path("error").asText());
        Instant reset = Instant.parse(limited.raw().headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertTrue(reset.isAfter(Instant.now().plusSeconds(30)), reset.toString());
        assertFalse(limited.raw().headers().firstValue("x-rate-limit-reset").filter(v -> v.matches("\\d+")).isPresent(),
                "no X-style epoch header");
        for (int i = 0; i < 300; i++) {
            call("GET", "/api/v1/accounts/verify_credentials", "sim-user:busy", null);
        }
        assertEquals(429, call("GET", "/api/v1/accounts/verify_credentials", "sim-user:busy", null).status(),
                "300 calls per 5 minutes per account");
    }
}
