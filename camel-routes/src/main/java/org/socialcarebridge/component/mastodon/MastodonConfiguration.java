package org.socialcarebridge.component.mastodon;

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

    public static MastodonConfiguration from(MastodonSettings settings) {
        MastodonConfiguration c = new MastodonConfiguration();
        c.setBaseUrl(settings.baseUrl());
        c.setAccessToken(settings.accessToken());
        c.setPollInterval(settings.pollInterval());
        c.setLimit(settings.limit());
        c.setTicketQuotes(settings.ticketQuotes());
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

    @Override
    public String toString() {
        return "MastodonConfiguration[baseUrl=" + getBaseUrl() + ", pollInterval=" + getPollInterval() + ", accessToken=****]";
    }
}
