package org.socialcarebridge.component.instagram;

import java.time.Duration;

import org.socialcarebridge.component.feed.ChannelConfiguration;

/**
 * The Instagram component's settings ({@link InstagramSettings}): where the Graph API is ({@code baseUrl}),
 * the account, its linked Page and the Page's token, and the recovery's pace. Nothing is polled in normal
 * operation (Meta's webhook delivers). The token is never shown.
 */
public final class InstagramConfiguration extends ChannelConfiguration {
    private String accountId;
    private String pageId;
    private String pageToken;
    private Duration recoveryInterval = InstagramSettings.DEFAULT_RECOVERY_INTERVAL;
    private Duration recoveryLookBack = InstagramSettings.DEFAULT_RECOVERY_LOOK_BACK;

    public static InstagramConfiguration from(InstagramSettings settings) {
        InstagramConfiguration c = new InstagramConfiguration();
        c.setBaseUrl(settings.graphUrl());
        c.setAccountId(settings.accountId());
        c.setPageId(settings.pageId());
        c.setPageToken(settings.pageToken());
        c.setRecoveryInterval(settings.recoveryInterval());
        c.setRecoveryLookBack(settings.recoveryLookBack());
        return c;
    }

    /** The Instagram professional account's id (the webhook's entry id, the sender of the brand's messages). */
    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
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

    public Duration getRecoveryLookBack() {
        return recoveryLookBack;
    }

    public void setRecoveryLookBack(Duration recoveryLookBack) {
        this.recoveryLookBack = recoveryLookBack;
    }

    @Override
    public String toString() {
        return "InstagramConfiguration[graphUrl=" + getBaseUrl() + ", accountId=" + accountId + ", pageId=" + pageId
                + ", recoveryInterval=" + recoveryInterval + ", pageToken=****]";
    }
}
