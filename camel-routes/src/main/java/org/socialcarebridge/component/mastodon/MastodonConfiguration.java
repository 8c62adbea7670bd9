package org.socialcarebridge.component.mastodon;

import java.time.Duration;

import org.socialcarebridge.component.feed.ChannelConfiguration;

/**
 * The Mastodon component's settings, read from {@code etc/org.socialcarebridge.network.mastodon.cfg}
 * ({@link MastodonSettings}). They hold for the whole component, as the API service is built from them; an endpoint's URI carries
 * only the scheduler's options ({@code delay}, {@code initialDelay}, ...). The token is never shown.
 */
public final class MastodonConfiguration extends ChannelConfiguration {
    private String accessToken;
    /** Notifications asked for per page (1-80). */
    private int limit = 40;
    /** Whether notifications come by the streaming API ({@code intake = stream}), the poll only catching up. */
    private boolean stream;
    private Duration catchUpInterval = Duration.ofSeconds(60);

    public static MastodonConfiguration from(MastodonSettings settings) {
        MastodonConfiguration c = new MastodonConfiguration();
        c.setBaseUrl(settings.baseUrl());
        c.setAccessToken(settings.accessToken());
        c.setPollInterval(settings.pollInterval());
        c.setLimit(settings.limit());
        c.setTicketQuotes(settings.ticketQuotes());
        c.setStream(settings.stream());
        c.setCatchUpInterval(settings.catchUpInterval());
        return c;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public Duration getCatchUpInterval() {
        return catchUpInterval;
    }

    public void setCatchUpInterval(Duration catchUpInterval) {
        this.catchUpInterval = catchUpInterval;
    }

    /** How often the notifications are polled: the catch-up's period when they come by the stream. */
    public Duration notificationsPollInterval() {
        return stream ? catchUpInterval : getPollInterval();
    }

    @Override
    public String toString() {
        return "MastodonConfiguration[baseUrl=" + getBaseUrl() + ", pollInterval=" + getPollInterval() + ", accessToken=****]";
    }
}
