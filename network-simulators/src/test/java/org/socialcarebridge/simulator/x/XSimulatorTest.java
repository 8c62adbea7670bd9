package org.socialcarebridge.simulator.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.simulator.SpecCheck;

/**
 * The simulator over real HTTP; every API answer is checked against X's own OpenAPI document
 * (shared/specs/x-api-v2.openapi.json, copied into the test resources).
 */
class XSimulatorTest {
    static SpecCheck spec;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    XSimulator sim;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @BeforeAll
    static void loadSpec() {
        // X documents 401/429/503/413 bodies as about:blank problems, which its OpenAPI document does not
        // describe (its Problem types are the api.x.com ones); the tests check them field by field instead.
        // The simulator speaks the live API's names; the document (from X's SDK generator) renamed them.
        spec = new SpecCheck("/specs/x-api-v2.openapi.json", Set.of(401, 429, 503, 413), Map.of(
                "referenced_tweets", "referenced_posts",
                "edit_history_tweet_ids", "edit_history_post_ids",
                "tweet_count", "post_count",
                "https://api.twitter.com/2/problems/", "https://api.x.com/2/problems/"),
                // The live invalid-request problem names the parameter in an errors array the document leaves out.
                document -> ((ObjectNode) document.at("/components/schemas/InvalidRequestProblem/properties"))
                        .putObject("errors").put("type", "array").putObject("items").put("type", "object"));
    }

    @BeforeEach
    void start() throws Exception {
        sim = XSimulator.start(0, "acme", "brand-token", "consumer-secret-" + java.util.UUID.randomUUID());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    Answer call(String method, String pathAndQuery, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = r.body().isBlank() ? null : json.readTree(r.body());
        if (!pathAndQuery.startsWith("/sim/")) {
            spec.answer(method, pathAndQuery, body, r);
        }
        return new Answer(r.statusCode(), node, r);
    }

    String tweet(String handle, String text, String replyTo) throws Exception {
        String body = replyTo == null ? json.createObjectNode().put("text", text).toString()
                : "{\"text\":" + json.writeValueAsString(text) + ",\"reply\":{\"in_reply_to_tweet_id\":\"" + replyTo + "\"}}";
        Answer a = call("POST", "/2/tweets", "sim-user:" + handle, body);
        assertEquals(201, a.status(), a.raw().body());
        return a.body().path("data").path("id").asText();
    }

    @Test
    void retweetsAndQuotesReferenceTheOriginal() throws Exception {
        String original = tweet("acme", "Summer sale today", null);
        String fay = call("GET", "/2/users/me", "sim-user:fay", null).body().path("data").path("id").asText();
        Answer rt = call("POST", "/2/users/" + fay + "/retweets", "sim-user:fay", "{\"tweet_id\":\"" + original + "\"}");
        assertEquals(200, rt.status(), rt.raw().body());
        String rtId = rt.body().path("data").path("rest_id").asText();
        JsonNode shown = call("GET", "/2/tweets/" + rtId + "?tweet.fields=referenced_tweets", "sim-user:bob", null).body().path("data");
        assertEquals("retweeted", shown.path("referenced_tweets").get(0).path("type").asText());
        assertTrue(shown.path("text").asText().startsWith("RT @acme: Summer sale"));
        Answer quote = call("POST", "/2/tweets", "sim-user:fay", "{\"text\":\"@acme finally\",\"quote_tweet_id\":\"" + original + "\"}");
        assertEquals(201, quote.status(), quote.raw().body());
        JsonNode q = call("GET", "/2/tweets/" + quote.body().path("data").path("id").asText() + "?tweet.fields=referenced_tweets",
                "sim-user:bob", null).body().path("data");
        assertEquals("quoted", q.path("referenced_tweets").get(0).path("type").asText());
        assertEquals(403, call("POST", "/2/users/" + fay + "/retweets", "sim-user:gil", "{\"tweet_id\":\"" + original + "\"}").status());
    }

    @Test
    void usersAreStableAndAskedFieldsOnly() throws Exception {
        Answer me = call("GET", "/2/users/me", "sim-user:maria", null);
        String id = me.body().path("data").path("id").asText();
        assertEquals(id, call("GET", "/2/users/me", "sim-user:maria", null).body().path("data").path("id").asText());
        assertFalse(me.body().path("data").has("public_metrics"));
        call("PUT", "/sim/users/maria", null, "{\"name\":\"Maria L\",\"followers_count\":12,\"verified\":true}");
        JsonNode u = call("GET", "/2/users/" + id + "?user.fields=public_metrics,verified", "sim-user:bob", null).body().path("data");
        assertEquals(12, u.path("public_metrics").path("followers_count").asInt());
        assertTrue(u.path("verified").asBoolean());
        assertEquals("Maria L", u.path("name").asText());
        assertEquals(sim.brandId(), call("GET", "/2/users/me", "brand-token", null).body().path("data").path("id").asText());
    }

    @Test
    void mentionsPageNewestFirstWithSinceIdAndAuthors() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(tweet("user" + i, "@acme hello " + i, null));
        }
        tweet("other", "no brand here", null);
        String q = "/2/users/" + sim.brandId() + "/mentions?max_results=5&expansions=author_id&user.fields=public_metrics,verified"
                + "&tweet.fields=created_at,conversation_id,author_id,entities,referenced_tweets";
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = call("GET", q + (token == null ? "" : "&pagination_token=" + token), "brand-token", null).body();
            for (JsonNode t : page.path("data")) {
                assertTrue(seen.add(t.path("id").asText()));
                assertNotNull(t.path("created_at").asText(null));
                assertEquals("acme", t.path("entities").path("mentions").get(0).path("username").asText());
            }
            assertEquals(page.path("data").size(), page.path("includes").path("users").size());
            token = page.path("meta").path("next_token").asText(null);
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(new HashSet<>(ids), seen);

        JsonNode since = call("GET", q + "&since_id=" + ids.get(9), "brand-token", null).body();
        assertEquals(2, since.path("meta").path("result_count").asInt());
        assertEquals(ids.get(11), since.path("meta").path("newest_id").asText());
        JsonNode none = call("GET", q + "&since_id=" + ids.get(11), "brand-token", null).body();
        assertEquals(0, none.path("meta").path("result_count").asInt());
        assertFalse(none.has("data"));
    }

    @Test
    void maxResultsOutOfRangeIsAnInvalidRequest() throws Exception {
        Answer a = call("GET", "/2/users/" + sim.brandId() + "/mentions?max_results=500", "brand-token", null);
        assertEquals(400, a.status());
        assertEquals("https://api.twitter.com/2/problems/invalid-request", a.body().path("type").asText());
        assertEquals("max_results", a.body().path("errors").get(0).path("parameters").fieldNames().next());
    }

    @Test
    void repliesThreadAndCountAsMentionsOfTheRepliedUser() throws Exception {
        String root = tweet("maria", "@acme my order?", null);
        String brandReply = call("POST", "/2/tweets", "brand-token",
                "{\"text\":\"@maria looking\",\"reply\":{\"in_reply_to_tweet_id\":\"" + root + "\"}}").body().path("data").path("id").asText();
        String again = tweet("maria", "thanks, it is order 12", brandReply);
        JsonNode t = call("GET", "/2/tweets/" + again + "?tweet.fields=conversation_id,referenced_tweets,in_reply_to_user_id,author_id",
                "sim-user:bob", null).body().path("data");
        assertEquals(root, t.path("conversation_id").asText());
        assertEquals(brandReply, t.path("referenced_tweets").get(0).path("id").asText());
        assertEquals(sim.brandId(), t.path("in_reply_to_user_id").asText());
        JsonNode mentions = call("GET", "/2/users/" + sim.brandId() + "/mentions", "brand-token", null).body();
        assertTrue(mentions.toString().contains(again), "a reply to the brand is a mention of it");
        assertEquals(403, call("DELETE", "/2/tweets/" + root, "sim-user:bob", null).status(), "only the author deletes");
        assertEquals(200, call("DELETE", "/2/tweets/" + root, "sim-user:maria", null).status());
        assertEquals("https://api.x.com/2/problems/resource-not-found",
                call("GET", "/2/tweets/" + root, "sim-user:bob", null).body().path("errors").get(0).path("type").asText());
        Answer missing = call("GET", "/2/tweets/1", "sim-user:bob", null);
        assertEquals(200, missing.status());
        assertEquals("https://api.x.com/2/problems/resource-not-found", missing.body().path("errors").get(0).path("type").asText());
        assertEquals(403, call("POST", "/2/tweets", "sim-user:bob", "{\"text\":\"x\",\"reply\":{\"in_reply_to_tweet_id\":\"1\"}}").status());
    }

    @Test
    void directMessagesBothWays() throws Exception {
        String maria = call("GET", "/2/users/me", "sim-user:maria", null).body().path("data").path("id").asText();
        Answer sent = call("POST", "/2/dm_conversations/with/" + maria + "/messages", "brand-token", "{\"text\":\"DM us your order\"}");
        assertEquals(201, sent.status());
        assertNotNull(sent.body().path("data").path("dm_event_id").asText(null));
        call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:maria", "{\"text\":\"it is 12\"}");
        JsonNode events = call("GET", "/2/dm_events?dm_event.fields=sender_id,created_at,dm_conversation_id", "sim-user:maria", null).body();
        assertEquals(2, events.path("data").size());
        assertEquals(maria, events.path("data").get(0).path("sender_id").asText());
        assertEquals(0, call("GET", "/2/dm_events", "sim-user:bob", null).body().path("meta").path("result_count").asInt());
        JsonNode expanded = call("GET", "/2/dm_events?dm_event.fields=sender_id&expansions=sender_id&user.fields=public_metrics",
                "brand-token", null).body();
        assertEquals(2, expanded.path("includes").path("users").size(), expanded.toString());
    }

    @Test
    void authIsRequired() throws Exception {
        Answer a = call("GET", "/2/users/me", null, null);
        assertEquals(401, a.status());
        assertEquals(401, call("GET", "/2/users/me", "wrong-token", null).status());
        assertEquals("Unauthorized", a.body().path("title").asText());
    }

    @Test
    void rateLimitHeadersOnEveryAnswerAnd429PastTheLimit() throws Exception {
        for (int i = 0; i < 75; i++) {
            Answer a = call("GET", "/2/users/me", "sim-user:limit", null);
            assertEquals(200, a.status());
            assertEquals("75", a.raw().headers().firstValue("x-rate-limit-limit").orElseThrow());
            assertEquals(String.valueOf(74 - i), a.raw().headers().firstValue("x-rate-limit-remaining").orElseThrow());
        }
        Answer limited = call("GET", "/2/users/me", "sim-user:limit", null);
        assertEquals(429, limited.status());
        assertEquals("Too Many Requests", limited.body().path("title").asText());
        long reset = Long.parseLong(limited.raw().headers().firstValue("x-rate-limit-reset").orElseThrow());
        assertTrue(reset > System.currentTimeMillis() / 1000);
        assertEquals(200, call("GET", "/2/users/me", "sim-user:other", null).status(), "windows are per caller");
    }

    @Test
    void faultsAnswerTheNextCallsThenStop() throws Exception {
        call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":503,\"count\":2}");
        assertEquals(503, call("POST", "/2/tweets", "sim-user:a", "{\"text\":\"one\"}").status());
        assertEquals(503, call("POST", "/2/tweets", "sim-user:a", "{\"text\":\"two\"}").status());
        assertEquals(201, call("POST", "/2/tweets", "sim-user:a", "{\"text\":\"three\"}").status());
        JsonNode log = call("GET", "/sim/requests", null, null).body();
        List<Integer> statuses = new ArrayList<>();
        log.forEach(e -> statuses.add(e.path("status").asInt()));
        assertEquals(List.of(503, 503, 201), statuses);
        assertEquals("POST", log.get(0).path("method").asText());
        assertEquals("/2/tweets", log.get(0).path("path").asText());
    }

    @Test
    void malformedAndOversizedBodiesAreRejectedClearly() throws Exception {
        Answer bad = call("POST", "/2/tweets", "sim-user:a", "{not json");
        assertEquals(400, bad.status());
        assertTrue(bad.body().path("errors").get(0).path("message").asText().contains("not valid JSON"), bad.body().toString());
        assertEquals(413, call("POST", "/2/tweets", "sim-user:a", "{\"text\":\"" + "a".repeat(70_000) + "\"}").status());
    }

    @Test
    void textOver280IsRefusedCountingUrlsAs23() throws Exception {
        String url = "https://example.com/" + "p".repeat(100);
        assertEquals(201, call("POST", "/2/tweets", "sim-user:a", "{\"text\":\"" + "x".repeat(256) + " " + url + "\"}").status());
        assertEquals(400, call("POST", "/2/tweets", "sim-user:a", "{\"text\":\"" + "x".repeat(281) + "\"}").status());
    }

    @Test
    void aPostAcceptedThenFailedIsOnTheBrandsTimelineAndADmInItsConversation() throws Exception {
        String customer = call("POST", "/2/tweets", "sim-user:olga", "{\"text\":\"@acme help\"}").body().path("data").path("id").asText();
        call("POST", "/sim/faults", null, "{\"method\":\"POST\",\"path\":\"/2/tweets\",\"status\":503,\"accept\":true}");
        Answer failed = call("POST", "/2/tweets", "brand-token",
                "{\"text\":\"@olga on it\",\"reply\":{\"in_reply_to_tweet_id\":\"" + customer + "\"}}");
        assertEquals(503, failed.status());
        JsonNode timeline = call("GET", "/2/users/" + sim.brandId() + "/tweets?max_results=5&tweet.fields=created_at,"
                + "referenced_tweets&start_time=2020-01-01T00:00:00Z", "brand-token", null).body();
        assertEquals(1, timeline.path("data").size(), timeline.toString());
        assertEquals("@olga on it", timeline.path("data").get(0).path("text").asText());

        String olga = call("GET", "/2/users/me", "sim-user:olga", null).body().path("data").path("id").asText();
        call("POST", "/sim/faults", null, "{\"method\":\"POST\",\"path\":\"/2/dm_conversations/with/" + olga
                + "/messages\",\"status\":503,\"accept\":true}");
        assertEquals(503, call("POST", "/2/dm_conversations/with/" + olga + "/messages", "brand-token",
                "{\"text\":\"your order number?\"}").status());
        JsonNode events = call("GET", "/2/dm_conversations/with/" + olga + "/dm_events?dm_event.fields=sender_id,created_at",
                "brand-token", null).body();
        assertEquals("your order number?", events.path("data").get(0).path("text").asText());
        assertEquals(sim.brandId(), events.path("data").get(0).path("sender_id").asText());
    }

    @Test
    void aHeldAnswerIsTheRealAnswerAndAFaultNeedsAStatusOrAHold() throws Exception {
        call("POST", "/sim/faults", null, "{\"method\":\"POST\",\"path\":\"/2/tweets\",\"holdSeconds\":1}");
        Answer held = call("POST", "/2/tweets", "sim-user:pia", "{\"text\":\"@acme slow\"}");
        assertEquals(201, held.status(), "the real answer, held");
        assertEquals(400, call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\"}").status(), "a fault needs a status or a hold");
    }

    @Test
    void unknownQueryParametersAndFieldsAreRefusedAsTheLiveApiDoes() throws Exception {
        String mentions = "/2/users/" + sim.brandId() + "/mentions";
        for (String query : List.of(mentions + "?post.fields=created_at", mentions + "?tweet.fields=referenced_posts",
                mentions + "?expansions=referenced_posts.id", "/2/users/me?foo=1", "/2/tweets/1?max_results=5",
                "/2/dm_events?since_id=1", "/2/dm_events?dm_event.fields=created_at,bogus")) {
            Answer a = call("GET", query, "brand-token", null);
            assertEquals(400, a.status(), query + " -> " + a.raw().body());
            assertEquals("https://api.twitter.com/2/problems/invalid-request", a.body().path("type").asText());
            assertEquals("Invalid Request", a.body().path("title").asText());
            JsonNode error = a.body().path("errors").get(0);
            String parameter = query.substring(query.indexOf('?') + 1, query.indexOf('='));
            assertTrue(error.path("parameters").has(parameter), query + " -> " + a.raw().body());
            assertTrue(error.path("message").asText().contains(parameter), error.toString());
        }
        assertEquals(200, call("GET", mentions + "?tweet.fields=referenced_tweets,edit_history_tweet_ids"
                + "&expansions=author_id,referenced_tweets.id&user.fields=public_metrics", "brand-token", null).status());
    }

    @Test
    void answersSpeakTheLiveNames() throws Exception {
        String root = tweet("maria", "@acme my order?", null);
        String reply = tweet("maria", "@acme still waiting", root);
        JsonNode t = call("GET", "/2/tweets/" + reply + "?tweet.fields=referenced_tweets", "brand-token", null).body().path("data");
        assertEquals(root, t.path("referenced_tweets").get(0).path("id").asText());
        assertEquals(reply, t.path("edit_history_tweet_ids").get(0).asText());
        assertFalse(t.toString().contains("_post"), t.toString());
        JsonNode u = call("GET", "/2/users/me?user.fields=public_metrics", "sim-user:maria", null).body().path("data");
        assertTrue(u.path("public_metrics").has("tweet_count"), u.toString());
    }

    @Test
    void untilIdWalksBackAndOnlyThe800NewestMentionsAreReachable() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 805; i++) {
            ids.add(tweet("u" + (i % 50), "@acme n" + i, null));
        }
        String q = "/2/users/" + sim.brandId() + "/mentions?max_results=100";
        List<String> walked = new ArrayList<>();
        String until = null;
        while (true) {
            JsonNode page = call("GET", q + (until == null ? "" : "&until_id=" + until), "brand-token", null).body();
            page.path("data").forEach(t -> walked.add(t.path("id").asText()));
            if (!page.path("meta").has("next_token")) {
                break;
            }
            until = page.path("meta").path("oldest_id").asText();
        }
        List<String> newest800 = new ArrayList<>(ids.subList(5, 805));
        java.util.Collections.reverse(newest800);
        assertEquals(newest800, walked, "newest first, the 5 oldest no longer served");
        JsonNode between = call("GET", q + "&since_id=" + ids.get(100) + "&until_id=" + ids.get(104), "brand-token", null).body();
        assertEquals(List.of(ids.get(103), ids.get(102), ids.get(101)),
                List.of(between.path("data").get(0).path("id").asText(), between.path("data").get(1).path("id").asText(),
                        between.path("data").get(2).path("id").asText()));
        assertEquals(3, between.path("meta").path("result_count").asInt());
    }
}
