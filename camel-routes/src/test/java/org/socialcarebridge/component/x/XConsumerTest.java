package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.SocialCareHeaders;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.routes.intake.IntakeRoutes;

/**
 * {@code x:mentions} against the X simulator: each mention is one exchange through the route, oldest
 * first; the cursor moves only past exchanges the route processed; a rate limit quiets the consumer.
 * The route here notes what passes and fails on demand, then goes to the intake as in XRoutes.
 */
class XConsumerTest {
    static final String TOKEN = XFixture.TOKEN;
    @RegisterExtension
    final XFixture x = new XFixture();
    final List<String> passed = new CopyOnWriteArrayList<>();
    final Set<String> failOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    FeedConsumer mentions;

    @BeforeEach
    void start() throws Exception {
        x.camel().addRoutes(new IntakeRoutes(x.intake()));
        x.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("x:mentions?startScheduler=false").routeId("x-mentions")
                        .process(e -> {
                            String id = e.getMessage().getHeader(SocialCareHeaders.MESSAGE_ID, String.class);
                            assertEquals(id, e.getMessage().getBody(InboundMessage.class).messageId());
                            passed.add(id);
                            if (failOn.contains(id)) {
                                throw new IllegalStateException("the route failed on " + id);
                            }
                        })
                        .to(IntakeRoutes.URI);
            }
        });
        mentions = (FeedConsumer) x.camel().getRoute("x-mentions").getConsumer();
    }

    @Test
    void eachMentionIsOneExchangeOldestFirstAndTheCursorMovesPastThem() throws Exception {
        String first = x.tweet("ana", "@acme one");
        String second = x.tweet("ben", "@acme two");
        String third = x.tweet("cy", "@acme three");
        assertEquals(3, mentions.poll());
        assertEquals(List.of(first, second, third), passed);
        assertEquals(LedgerState.RECEIVED, x.entry(second).state());
        assertEquals(third, x.db().cursor("x:mentions"));
        assertEquals(0, mentions.poll(), "nothing new: no exchange");
        assertEquals(3, passed.size());
    }

    @Test
    void aFailedExchangeStopsTheCursorAndIsReadAgainNextPoll() throws Exception {
        String first = x.tweet("ana", "@acme one");
        String second = x.tweet("ben", "@acme two");
        String third = x.tweet("cy", "@acme three");
        failOn.add(second);
        assertEquals(0, mentions.poll(), "the poll failed");
        assertEquals(LedgerState.RECEIVED, x.entry(first).state(), "the one before the failure is recorded");
        assertEquals(List.of(first, second), passed, "nothing after the failed exchange is sent");
        assertNull(x.entry(second));
        assertNull(x.db().cursor("x:mentions"), "the cursor does not move past a failed exchange");
        assertEquals("failing", x.health().channel("x").toMap().get("state"));
        assertTrue(String.valueOf(x.health().channel("x").toMap().get("lastError")).contains("the route failed on " + second));

        failOn.clear();
        assertEquals(2, mentions.poll(), "the failed one and the one after it, each recorded once");
        assertEquals(List.of(first, second, first, second, third), passed);
        assertEquals(LedgerState.RECEIVED, x.entry(second).state());
        assertEquals(third, x.db().cursor("x:mentions"));
        assertEquals("running", x.health().channel("x").toMap().get("state"));
    }

    @Test
    void aRateLimitQuietsTheConsumerUntilTheReset() throws Exception {
        mentions.poll(); // learns the brand
        String brandId = x.call("GET", "/2/users/me", TOKEN, null).path("data").path("id").asText();
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/users/" + brandId + "/mentions\",\"method\":\"GET\",\"status\":429,"
                + "\"count\":1,\"resetSeconds\":60}");
        x.tweet("dee", "@acme hello?");
        assertEquals(0, mentions.poll());
        assertNotNull(x.health().channel("x").toMap().get("rateLimitedUntil"));
        long asked = x.call("GET", "/sim/requests", null, null).size();
        assertEquals(0, mentions.poll(), "quiet until the reset");
        assertEquals(asked, x.call("GET", "/sim/requests", null, null).size(), "not one call to X meanwhile");
        assertTrue(passed.isEmpty(), "no exchange while quiet");
    }
}
