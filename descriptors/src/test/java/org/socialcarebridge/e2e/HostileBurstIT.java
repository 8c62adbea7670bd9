package org.socialcarebridge.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile burst (issue 20), the short crisis of issue 17 ({@link Crisis} at {@link Crisis.Scale#SHORT}):
 * 300 messages, mentions and direct messages over X (by webhook) and Mastodon (by its stream) at once, six
 * of them hostile and named; the plugin at {@code -Xmx256m} with a GC log, killed with kill -9 after the
 * first tickets while agents' replies are on their way, RT stopped for a minute while the last round arrives.
 * {@code ./socialcare bench crisis} runs the same at full size with the same checks.
 */
class HostileBurstIT {
    static final String MAX_HEAP = "256m";
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("hostile").withXIntake("webhook").withMastodonStream()
            .withFilingConcurrency(EndToEnd.FILING_CONCURRENCY).withAdminToken().withMaxHeap(MAX_HEAP).withGcLog();
    static final String RUN = "h" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    @AfterAll
    static void stop() throws Exception {
        Crisis.rtServer("start"); // whatever happened, leave RT running for the other tests (the fixture then closes Karaf)
    }

    @Test
    void everyMessageOnExactlyOneTicketOrDeadLetteredThroughKillNineAnRtOutageAndHostileContent() throws Exception {
        Crisis.Report r = new Crisis(fixture, Crisis.Scale.SHORT, RUN, MAX_HEAP, false).run();
        System.out.printf("HostileBurstIT: %d messages (%d hostile), %d tickets, %d dead letters, %d agent replies posted once,"
                        + " peak heap after GC %d MB of %s, kill -9 after %d tickets, drain %d s, %d s wall%n",
                r.messages(), r.hostile(), r.tickets(), r.deadLetters(), r.repliesPostedOnce(), r.heap().peakAfterGcMb(), MAX_HEAP,
                r.killedAtTickets(), r.drain().toSeconds(), r.wall().toSeconds());
    }
}
