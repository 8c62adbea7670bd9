package org.socialcarebridge.routes.health;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.health.Health;

/**
 * A scheduled poll's route (as {@code x:mentions}) beats on the board on every poll, an empty one too,
 * and a poll that hangs is reported.
 */
class HeartbeatsTest {
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    final Health health = new Health(clock);
    final DefaultCamelContext camel = new DefaultCamelContext();
    final CountDownLatch polls = new CountDownLatch(2);
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        camel.close();
    }

    /** Routes from {@code polling:<name>}: each poll counts down {@link #polls}; {@code polling:hung} then waits for {@link #release}. */
    void start() throws Exception {
        camel.addRoutePolicyFactory(new Heartbeats(health, clock));
        camel.addComponent("polling", new DefaultComponent() {
            @Override
            protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
                ScheduledPollEndpoint endpoint = new ScheduledPollEndpoint(uri, this) {
                    @Override
                    public Producer createProducer() {
                        throw new UnsupportedOperationException("polled only");
                    }

                    @Override
                    public Consumer createConsumer(Processor processor) throws Exception {
                        Consumer consumer = new ScheduledPollConsumer(this, processor) {
                            @Override
                            protected int poll() throws InterruptedException {
                                polls.countDown();
                                if ("hung".equals(remaining)) {
                                    release.await();
                                }
                                return 0; // nothing found: no exchange, still a poll
                            }
                        };
                        configureConsumer(consumer);
                        return consumer;
                    }
                };
                setProperties(endpoint, parameters);
                return endpoint;
            }
        });
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> route(String id) {
        return (Map<String, Object>) ((Map<String, Object>) health.report().get("channels")).get("route:" + id);
    }

    @Test
    void anEmptyPollStillBeats() throws Exception {
        start();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("polling:quiet?initialDelay=0&delay=10").routeId("quiet").log("never: the polls find nothing");
            }
        });
        camel.start();
        assertTrue(polls.await(30, TimeUnit.SECONDS), "the consumer polls");
        // The second poll has begun: the first one's end is on the board.
        assertNotNull(route("quiet").get("lastRun"), String.valueOf(route("quiet")));
        assertNull(route("quiet").get("problem"));
    }

    @Test
    void aPollThatHangsIsReported() throws Exception {
        start();
        polls.countDown(); // one poll is enough here
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("polling:hung?initialDelay=0&delay=10").routeId("hung").log("never: the poll hangs");
            }
        });
        camel.start();
        assertTrue(polls.await(30, TimeUnit.SECONDS), "the consumer polls");
        assertNotNull(route("hung").get("runningSince"), String.valueOf(route("hung")));
        assertNull(route("hung").get("problem"), "a poll in progress is no problem yet");
        clock.now = clock.now.plus(Duration.ofHours(1)); // longer than any allowed run
        assertTrue(String.valueOf(route("hung").get("problem")).contains("stuck in one run"), String.valueOf(route("hung")));
    }
}
