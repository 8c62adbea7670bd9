package org.socialcarebridge.component.x;

import org.socialcarebridge.component.feed.ChannelConfiguration;

/**
 * The X component's settings, read from {@code etc/org.socialcarebridge.network.x.cfg} ({@link XSettings}).
 * They hold for the whole component, as the API service is built from them; an endpoint's URI carries
 * only the scheduler's options ({@code delay}, {@code initialDelay}, ...). The token is never shown.
 */
public final class XConfiguration extends ChannelConfiguration {
    private String bearerToken;
    private String brandHandle;
    /** Mentions asked for per page (5-100). */
    private int maxResults = 100;

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

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    @Override
    public String toString() {
        return "XConfiguration[baseUrl=" + getBaseUrl() + ", brandHandle=" + brandHandle + ", pollInterval=" + getPollInterval()
                + ", bearerToken=****]";
    }
}
