package org.socialcarebridge.component.webhook;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a channel reads from its network to complete a webhook's messages, which name things by id only (the
 * post a Facebook comment answers, the person behind a Messenger or Instagram sender's id). Each value is
 * read once per key and the newest {@value #KEPT} of each {@link Kept} kept (a brand has few posts and
 * returning customers). These reads run while Meta waits for the webhook's answer, so after one fails none
 * of this channel's reads run for {@link #PAUSE}: a slow or failing network costs one delivery one wait,
 * not every delivery a wait that could outlast Meta's patience. What cannot be read is left out and the
 * message filed all the same.
 */
public final class WebhookLookUps {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookLookUps.class);
    public static final int KEPT = 512;
    /** How long look-ups stop after one failed. */
    public static final Duration PAUSE = Duration.ofMinutes(1);

    private final String network;
    /** When a look-up last failed (System.nanoTime); long ago at first. */
    private volatile long pausedSince = System.nanoTime() - PAUSE.toNanos() - 1;

    /** @param network the channel's name for the log, e.g. {@code Instagram} */
    public WebhookLookUps(String network) {
        this.network = network;
    }

    /** A new cache of one kind of value, sharing this channel's pause. */
    public <V> Kept<V> kept() {
        return new Kept<>();
    }

    /** The values of one kind already read, by key; an empty one is known to have none. */
    public final class Kept<V> {
        private final Map<String, Optional<V>> values = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<V>> eldest) {
                return size() > KEPT;
            }
        });

        private Kept() {
        }

        /**
         * The value of {@code key}, from the cache or read once now; null when it has none, when it cannot be read
         * now, or during the pause after a failed read.
         *
         * @param read the network read: its value, or null when the key has none
         * @param what what is read and what the message shows without it, for the log
         */
        public V get(String key, Supplier<V> read, String what) {
            if (key == null) {
                return null;
            }
            Optional<V> known = values.get(key);
            if (known != null) {
                return known.orElse(null);
            }
            if (System.nanoTime() - pausedSince < PAUSE.toNanos()) {
                return null;
            }
            try {
                V value = read.get();
                values.put(key, Optional.ofNullable(value));
                return value;
            } catch (RuntimeException e) {
                pausedSince = System.nanoTime();
                LOG.info("{}: could not read {}; no look-ups for {} s: {}", network, what, PAUSE.toSeconds(), e.getMessage());
                return null;
            }
        }
    }
}
