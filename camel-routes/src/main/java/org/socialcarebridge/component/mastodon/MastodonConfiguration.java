package org.socialcarebridge.component.mastodon;

import java.time.Duration;

/**
 * The Mastodon component's settings, read from {@code etc/org.socialcarebridge.network.mastodon.cfg}
 * ({@link MastodonSettings}). They hold for the whole component, as the API service is built from them; an endpoint's URI carries
 * only the scheduler's options ({@code delay}, {@code initialDelay}, ...). The token is never shown.
 */
public final class MastodonConfiguration {
    private String baseUrl;
    private String accessToken;
    private Duration pollInterval = Duration.ofSeconds(5);
    /** Notifications asked for per page (1-80). */
    private int limit = 40;
    /** Whether quote posts are filed like mentions, or only recorded. */
    private boolean ticketQuotes;

    public static MastodonConfiguration from(MastodonSettings settings) {
        MastodonConfiguration c = new MastodonConfiguration();
        c.setBaseUrl(settings.baseUrl());
        c.setAccessToken(settings.accessToken());
        c.setPollInterval(settings.pollInterval());
        c.setLimit(settings.limit());
        c.setTicketQuotes(settings.ticketQuotes());
        return c;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public boolean isTicketQuotes() {
        return ticketQuotes;
    }

    public void setTicketQuotes(boolean ticketQuotes) {
        this.ticketQuotes = ticketQuotes;
    }

    @Override
    public String toString() {
        return "MastodonConfiguration[baseUrl=" + baseUrl + ", pollInterval=" + pollInterval + ", accessToken=****]";
    }
}
