package org.socialcarebridge.component.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.routes.http.HttpAnswer;

/** One way to read Meta's refusals, with what each product adds: its own rate limits and its advice. */
class GraphCallTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final GraphCall.Product PAGE = GraphCall.Product.withPageToken("Facebook", "Messenger", 2000,
            "etc/page.cfg", "pages_messaging");
    static final GraphCall.Product NUMBER = new GraphCall.Product("WhatsApp",
            Map.of(131056, Duration.ofSeconds(6)), (code, subcode) -> ". advice for " + code + "/" + subcode);

    static GraphCall graph(GraphCall.Product product) {
        return new GraphCall(null, new ObjectMapper(), "http://127.0.0.1:1", "token", product,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static HttpAnswer error(int code, String details) {
        return new HttpAnswer(400, Map.of(), "{\"error\":{\"message\":\"(#" + code + ") said\",\"code\":" + code
                + (details == null ? "" : ",\"error_data\":{\"details\":\"" + details + "\"}") + "}}");
    }

    @Test
    void aProductsOwnRateLimitWaitsItsOwnTimeAndIsNoLimitForAnother() {
        RateLimitedException pair = assertInstanceOf(RateLimitedException.class,
                graph(NUMBER).refusal("WhatsApp POST /1/messages", error(131056, "pair limit")));
        assertEquals(NOW.plusSeconds(6), pair.resetAt());
        assertTrue(pair.getMessage().contains("(#131056)") && pair.getMessage().contains("(pair limit)"), pair.getMessage());

        PostRejectedException refused = assertInstanceOf(PostRejectedException.class,
                graph(PAGE).refusal("Facebook POST /1/messages", error(131056, null)));
        assertTrue(refused.getMessage().endsWith("Meta refused it; the reply was not sent"), refused.getMessage());
    }

    @Test
    void graphsSharedLimitsWaitAsLongForEveryProduct() {
        for (GraphCall.Product product : new GraphCall.Product[] {PAGE, NUMBER}) {
            RateLimitedException e = assertInstanceOf(RateLimitedException.class, graph(product).refusal("x", error(4, null)));
            assertEquals(NOW.plus(GraphCall.DEFAULT_WAIT), e.resetAt(), product.name());
            assertInstanceOf(NetworkUnavailableException.class, graph(product).refusal("x", error(131000, null)));
        }
    }

    @Test
    void theAdviceIsTheProducts() {
        RuntimeException whatsapp = graph(NUMBER).refusal("WhatsApp POST /1/messages", error(190, null));
        assertTrue(whatsapp.getMessage().endsWith(". advice for 190/0"), whatsapp.getMessage());
        RuntimeException page = graph(PAGE).refusal("Facebook POST /1/messages", error(190, null));
        assertTrue(page.getMessage().contains("pageToken in etc/page.cfg"), page.getMessage());
    }
}
