package org.socialcarebridge.component.x;

import java.time.Duration;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The X component's settings, read from {@code etc/org.socialcarebridge.network.x.cfg} ({@link XSettings}). */
@UriParams
public final class XConfiguration {
    @UriParam(description = "The X API, e.g. https://api.x.com")
    @Metadata(required = true)
    private String baseUrl;
    @UriParam(label = "security", secret = true, description = "The brand account's OAuth 2.0 user access token")
    @Metadata(required = true)
    private String bearerToken;
    @UriParam(description = "The brand's X handle, without the @")
    private String brandHandle;
    @UriParam(label = "consumer", defaultValue = "5s", description = "How often the feeds are read")
    private Duration pollInterval = Duration.ofSeconds(5);
    @UriParam(label = "consumer", defaultValue = "100", description = "Mentions asked for per page (5-100)")
    private int maxResults = 100;
    @UriParam(label = "consumer", description = "Whether quote posts are filed like mentions, or only recorded")
    private boolean ticketQuotes;

    public static XConfiguration from(XSettings settings) {
        XConfiguration c = new XConfiguration();
        c.setBaseUrl(settings.baseUrl());
        c.setBearerToken(settings.bearerToken());
        c.setBrandHandle(settings.brandHandle());
        c.setPollInterval(settings.pollInterval());
        c.setMaxResults(settings.maxResults());
        c.setTicketQuotes(settings.ticketQuotes());
        return c;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public String getBrandHandle() {
        return brandHandle;
    }

    public void setBrandHandle(String brandHandle) {
        this.brandHandle = brandHandle;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isTicketQuotes() {
        return ticketQuotes;
    }

    public void setTicketQuotes(boolean ticketQuotes) {
        this.ticketQuotes = ticketQuotes;
    }

    @Override
    public String toString() {
        return "XConfiguration[baseUrl=" + baseUrl + ", brandHandle=" + brandHandle + ", pollInterval=" + pollInterval
                + ", bearerToken=****]";
    }
}
