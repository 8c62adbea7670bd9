package org.socialcarebridge.component.facebook;

import java.time.Duration;

import org.socialcarebridge.component.feed.ChannelConfiguration;

/**
 * The Facebook component's settings, read from {@code etc/org.socialcarebridge.network.facebook.cfg}
 * ({@link FacebookSettings}): where the Graph API is ({@code baseUrl}, the file's {@code graphUrl}), the
 * Page and its token, and how often the recovery and the subscription check run. Nothing is polled in
 * normal operation (Meta's webhook delivers), so the base's poll interval is unused. The token is never shown.
 */
public final class FacebookConfiguration extends ChannelConfiguration {
    private String pageId;
    private String pageToken;
    private Duration recoveryInterval = Duration.ofMinutes(5);
    private Duration subscriptionCheckInterval = Duration.ofMinutes(5);
    private Duration recoveryLookBack = FacebookSettings.DEFAULT_RECOVERY_LOOK_BACK;

    public static FacebookConfiguration from(FacebookSettings settings) {
        FacebookConfiguration c = new FacebookConfiguration();
        c.setBaseUrl(settings.graphUrl());
        c.setPageId(settings.pageId());
        c.setPageToken(settings.pageToken());
        c.setRecoveryInterval(settings.recoveryInterval());
        c.setSubscriptionCheckInterval(settings.subscriptionCheckInterval());
        c.setRecoveryLookBack(settings.recoveryLookBack());
        return c;
    }

    public String getPageId() {
        return pageId;
    }

    public void setPageId(String pageId) {
        this.pageId = pageId;
    }

    public String getPageToken() {
        return pageToken;
    }

    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public Duration getRecoveryInterval() {
        return recoveryInterval;
    }

    public void setRecoveryInterval(Duration recoveryInterval) {
        this.recoveryInterval = recoveryInterval;
    }

    public Duration getSubscriptionCheckInterval() {
        return subscriptionCheckInterval;
    }

    public void setSubscriptionCheckInterval(Duration subscriptionCheckInterval) {
        this.subscriptionCheckInterval = subscriptionCheckInterval;
    }

    /** How far back the first recovery reads, before it has a high-water mark. */
    public Duration getRecoveryLookBack() {
        return recoveryLookBack;
    }

    public void setRecoveryLookBack(Duration recoveryLookBack) {
        this.recoveryLookBack = recoveryLookBack;
    }

    @Override
    public String toString() {
        return "FacebookConfiguration[graphUrl=" + getBaseUrl() + ", pageId=" + pageId + ", recoveryInterval="
                + recoveryInterval + ", subscriptionCheckInterval=" + subscriptionCheckInterval + ", pageToken=****]";
    }
}
