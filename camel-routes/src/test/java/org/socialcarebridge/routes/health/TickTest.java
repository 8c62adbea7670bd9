package org.socialcarebridge.routes.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.health.Health;

/** A timer route's run that throws an Error (a stack overflow) neither kills the timer nor hides from the board. */
class TickTest {
    final DefaultCamelContext camel = new DefaultCamelContext();
    final Health health = new Health();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    static int overflow(int depth) {
        return overflow(depth + 1) + 1; // a real stack overflow, as a recursive regular expression makes one
    }

    @Test
    void aStackOverflowInOneRunAndTheNextRunStillComes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch afterTheOverflow = new CountDownLatch(2);
        camel.addRoutePolicyFactory(new Heartbeats(health, Clock.systemUTC()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:overflowing?delay=0&period=20").routeId("overflowing")
                        .process(Tick.of(exchange -> {
                            if (runs.getAndIncrement() == 0) {
                                overflow(0);
                            }
                            afterTheOverflow.countDown();
                        }));
            }
        });
        camel.start();
        assertTrue(afterTheOverflow.await(30, TimeUnit.SECONDS), "the timer fired again after the overflow: " + runs);
        assertTrue(camel.getRouteController().getRouteStatus("overflowing").isStarted());

        @SuppressWarnings("unchecked")
        Map<String, Object> channels = (Map<String, Object>) health.report().get("channels");
        @SuppressWarnings("unchecked")
        Map<String, Object> route = (Map<String, Object>) channels.get("route:overflowing");
        assertTrue(String.valueOf(route.get("lastError")).contains("StackOverflowError"), route.toString());
        assertTrue(route.get("lastRun") != null, "later runs completed: " + route);
    }

    @Test
    void onlyTimerRoutesBeat() throws Exception {
        camel.addRoutePolicyFactory(new Heartbeats(health, Clock.systemUTC()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("called").process(Tick.of(exchange -> { }));
                from("timer:quiet?delay=600000&period=600000").routeId("quiet").process(Tick.of(exchange -> { }));
            }
        });
        camel.start();
        assertEquals(java.util.List.of("route:quiet"), health.channels().stream().map(c -> c.channel()).toList());
        assertEquals("UP", health.report().get("status"), "a timer before its first run is not a problem");
        assertTrue(health.channels().iterator().next().problem(java.time.Instant.now().plus(Duration.ofMinutes(30)),
                Duration.ofMinutes(5)).isEmpty(), "a timer slower than staleAfter gets two periods");
    }
}
