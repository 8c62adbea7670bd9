package org.socialcarebridge.component.whatsapp;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's newest message (its wamid), from the webhook, so that an agent's reply marks it read:
 * WhatsApp marks every earlier message of the customer read with it. Kept in memory for the most recent
 * {@value #KEPT} customers: after a restart the first reply to a customer marks nothing, which is all a
 * read receipt is worth.
 */
final class LatestMessages {
    static final int KEPT = 10_000;

    private record Latest(String wamid, Instant at) {
    }

    private final Map<String, Latest> byCustomer = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Latest> eldest) {
            return size() > KEPT;
        }
    });

    /** A message of the customer's; kept unless a newer one is known (a batch or a retry may come out of order). */
    void received(String waId, String wamid, Instant at) {
        Instant when = at == null ? Instant.EPOCH : at;
        byCustomer.merge(waId, new Latest(wamid, when), (known, fresh) -> fresh.at().isBefore(known.at()) ? known : fresh);
    }

    /** The customer's newest message known, if any. */
    Optional<String> of(String waId) {
        Latest latest = byCustomer.get(waId);
        return latest == null ? Optional.empty() : Optional.of(latest.wamid());
    }
}
