package org.socialcarebridge.component.x;

import java.time.Duration;

/**
 * The X component's settings, read from {@code etc/org.socialcarebridge.network.x.cfg} ({@link XSettings}).
 * They hold for the whole component, as the API service is built from them; an endpoint's URI carries
 * only the scheduler's options ({@code delay}, {@code initialDelay}, ...). The token is never shown.
 */
public final class XConfiguration {
    private String baseUrl;
    private String bearerToken;
    private String brandHandle;
    private Duration pollInterval = Duration.ofSeconds(5);
    /** Mentions asked for per page (5-100). */
    private int maxResults = 100;
    /** Whether quote posts are filed like mentions, or only recorded. */
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
