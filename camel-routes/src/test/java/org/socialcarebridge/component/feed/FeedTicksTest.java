package org.socialcarebridge.component.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

/** A network's feeds are read on one tick, in the order their consumers started, never side by side. */
class FeedTicksTest {

    /** A feed that records when it is read. */
    static final class Reading extends ScheduledPollConsumer {
        private final String name;
        private final List<String> reads;
        private final CountDownLatch enough;

        Reading(Endpoint endpoint, String name, List<String> reads, CountDownLatch enough) {
            super(endpoint, exchange -> { });
            this.name = name;
            this.reads = reads;
            this.enough = enough;
        }

        @Override
        protected int poll() {
            reads.add(name);
            enough.countDown();
            return 0;
        }
    }

    @Test
    void feedsAreReadOneAfterAnotherInTheOrderTheyStarted() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Endpoint endpoint = camel.getEndpoint("timer:feeds");
            FeedTicks ticks = new FeedTicks("test-feeds");
            List<String> reads = new CopyOnWriteArrayList<>();
            CountDownLatch enough = new CountDownLatch(10);
            Reading mentions = new Reading(endpoint, "mentions", reads, enough);
            Reading directMessages = new Reading(endpoint, "directMessages", reads, enough);
            for (Reading feed : List.of(mentions, directMessages)) {
                feed.setScheduler(ticks);
                feed.setInitialDelay(0);
                feed.setDelay(5);
            }
            mentions.start();
            directMessages.start();
            assertTrue(enough.await(30, TimeUnit.SECONDS), "both feeds were read: " + reads);
            // Taken while both run: between the two stops a tick may read the second feed alone.
            List<String> seen = List.copyOf(reads);
            mentions.stop();
            directMessages.stop();
            assertFalse(ticks.isSchedulerStarted(), "stopping the channel's consumers stops its tick");

            // The first tick may have run before the second feed joined it; from then on, strictly in turn.
            int from = seen.indexOf("directMessages") - 1;
            assertEquals("mentions", seen.get(from), "direct messages are read right after mentions: " + seen);
            for (int i = from; i + 1 < seen.size(); i += 2) {
                assertEquals(List.of("mentions", "directMessages"), seen.subList(i, i + 2), "in turn: " + seen);
            }
        }
    }

    @Test
    void aFeedWhoseRouteStartsAfterTheFirstTickIsReadAtOnceNotAPeriodLater() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Endpoint endpoint = camel.getEndpoint("timer:feeds");
            FeedTicks ticks = new FeedTicks("test-feeds");
            List<String> reads = new CopyOnWriteArrayList<>();
            CountDownLatch firstTick = new CountDownLatch(1);
            CountDownLatch secondFeedRead = new CountDownLatch(1);
            Reading mentions = new Reading(endpoint, "mentions", reads, firstTick);
            Reading directMessages = new Reading(endpoint, "directMessages", reads, secondFeedRead);
            for (Reading feed : List.of(mentions, directMessages)) {
                feed.setScheduler(ticks);
                feed.setInitialDelay(0);
                feed.setDelay(1);
                feed.setTimeUnit(TimeUnit.HOURS); // the next tick would be an hour away
            }
            mentions.start();
            assertTrue(firstTick.await(30, TimeUnit.SECONDS), "the first feed was read at once");
            directMessages.start();
            assertTrue(secondFeedRead.await(30, TimeUnit.SECONDS), "the second feed was read when its route started: " + reads);
            assertEquals(List.of("mentions", "mentions", "directMessages"), reads, "still in order, on one tick");
            mentions.stop();
            directMessages.stop();
        }
    }
}
