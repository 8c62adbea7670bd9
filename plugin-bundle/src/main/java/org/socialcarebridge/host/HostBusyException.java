package org.socialcarebridge.host;

import java.time.Duration;

/**
 * The help desk is up but turned the request away as too much for now (RT behind a proxy: 429 or 503).
 * It wrote nothing, so the work waits and is tried again, and the plugin asks less of it meanwhile: an
 * outage it is not, and no message's fault either.
 */
public class HostBusyException extends HostUnavailableException {
    private final Duration retryAfter;

    /** @param retryAfter how long the help desk asked to be left alone (its Retry-After), or zero */
    public HostBusyException(String message, Duration retryAfter) {
        super(message, null, false);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
