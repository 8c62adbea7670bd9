package org.socialcarebridge.component.mastodon;

import java.time.Duration;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The Mastodon component's settings, read from {@code etc/org.socialcarebridge.network.mastodon.cfg} ({@link MastodonSettings}). */
@UriParams
public final class MastodonConfiguration {
    @UriParam(description = "The brand's Mastodon instance, e.g. https://mastodon.social")
    @Metadata(required = true)
    private String baseUrl;
    @UriParam(label = "security", secret = true, description = "The brand account's access token (scopes read write)")
    @Metadata(required = true)
    private String accessToken;
    @UriParam(label = "consumer", defaultValue = "5s", description = "How often the notifications are read")
    private Duration pollInterval = Duration.ofSeconds(5);
    @UriParam(label = "consumer", defaultValue = "40", description = "Notifications asked for per page (1-80)")
    private int limit = 40;
    @UriParam(label = "consumer", description = "Whether quote posts are filed like mentions, or only recorded")
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
