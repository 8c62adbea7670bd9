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
    private XSettings.IntakeMode intake = XSettings.IntakeMode.POLL;
    /** The app-only token: webhooks, subscriptions, the activity stream. */
    private String appBearerToken;
    private String publicUrl;
    private java.time.Duration catchUpInterval = XSettings.DEFAULT_CATCH_UP_INTERVAL;
    private java.time.Duration subscriptionCheckInterval = XSettings.DEFAULT_SUBSCRIPTION_CHECK_INTERVAL;

    public static XConfiguration from(XSettings settings) {
        XConfiguration c = new XConfiguration();
        c.setBaseUrl(settings.baseUrl());
        c.setBearerToken(settings.bearerToken());
        c.setBrandHandle(settings.brandHandle());
        c.setPollInterval(settings.pollInterval());
        c.setMaxResults(settings.maxResults());
        c.setTicketQuotes(settings.ticketQuotes());
        c.setIntake(settings.intake());
        c.setAppBearerToken(settings.appBearerToken());
        c.setPublicUrl(settings.publicUrl());
        c.setCatchUpInterval(settings.catchUpInterval());
        c.setSubscriptionCheckInterval(settings.subscriptionCheckInterval());
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

    public XSettings.IntakeMode getIntake() {
        return intake;
    }

    public void setIntake(XSettings.IntakeMode intake) {
        this.intake = intake;
    }

    public String getAppBearerToken() {
        return appBearerToken;
    }

    public void setAppBearerToken(String appBearerToken) {
        this.appBearerToken = appBearerToken;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public java.time.Duration getCatchUpInterval() {
        return catchUpInterval;
    }

    public void setCatchUpInterval(java.time.Duration catchUpInterval) {
        this.catchUpInterval = catchUpInterval;
    }

    public java.time.Duration getSubscriptionCheckInterval() {
        return subscriptionCheckInterval;
    }

    public void setSubscriptionCheckInterval(java.time.Duration subscriptionCheckInterval) {
        this.subscriptionCheckInterval = subscriptionCheckInterval;
    }

    /** How often the feeds are read: every poll interval when polling, every catch-up interval with real time. */
    public java.time.Duration feedInterval() {
        return intake == XSettings.IntakeMode.POLL ? getPollInterval() : catchUpInterval;
    }

    @Override
    public String toString() {
        return "XConfiguration[baseUrl=" + getBaseUrl() + ", brandHandle=" + brandHandle + ", pollInterval=" + getPollInterval()
                + ", intake=" + intake + ", publicUrl=" + publicUrl + ", catchUpInterval=" + catchUpInterval
                + ", bearerToken=****" + (appBearerToken == null ? "" : ", appBearerToken=****") + "]";
    }
}
