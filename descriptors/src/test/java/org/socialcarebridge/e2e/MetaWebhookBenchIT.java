package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The short version of {@code ./socialcare bench webhooks} in CI: 150 signed deliveries, batched, with
 * retried duplicates, through the assembled Karaf into the real RT, each message proved on exactly one
 * ticket by counting, then as many forged ones. The numbers it prints are read, never asserted.
 */
class MetaWebhookBenchIT {
    @Test
    void shortRunFilesEveryMessageOnceAndRefusesEveryForgery() throws Exception {
        assertTrue(MetaWebhookBench.run(150), "every message on exactly one ticket, nothing dead-lettered (see the counts)");
    }
}
