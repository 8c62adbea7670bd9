package org.socialcarebridge.component.facebook;

import java.time.Duration;

import org.socialcarebridge.component.graph.GraphConfiguration;

/**
 * The Facebook component's settings, read from {@code etc/org.socialcarebridge.network.facebook.cfg}
 * ({@link FacebookSettings}): the Graph API, the Page and its token and the recovery's pace (as every Meta
 * channel's, {@link GraphConfiguration}), and how often the subscription check runs. The token is never shown.
 */
public final class FacebookConfiguration extends GraphConfiguration {
    private Duration subscriptionCheckInterval = Duration.ofMinutes(5);

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

    public Duration getSubscriptionCheckInterval() {
        return subscriptionCheckInterval;
    }

    public void setSubscriptionCheckInterval(Duration subscriptionCheckInterval) {
        this.subscriptionCheckInterval = subscriptionCheckInterval;
    }

    @Override
    public String toString() {
        return "FacebookConfiguration[graphUrl=" + getBaseUrl() + ", pageId=" + getPageId() + ", recoveryInterval="
                + getRecoveryInterval() + ", subscriptionCheckInterval=" + subscriptionCheckInterval + ", pageToken=****]";
    }
}
