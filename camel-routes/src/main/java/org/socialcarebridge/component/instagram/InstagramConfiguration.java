package org.socialcarebridge.component.instagram;

import org.socialcarebridge.component.graph.GraphConfiguration;

/**
 * The Instagram component's settings ({@link InstagramSettings}): the account, and as every Meta channel's
 * ({@link GraphConfiguration}) the Graph API, the linked Page and its token, and the recovery's pace.
 * The token is never shown.
 */
public final class InstagramConfiguration extends GraphConfiguration {
    private String accountId;

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

    @Override
    public String toString() {
        return "InstagramConfiguration[graphUrl=" + getBaseUrl() + ", accountId=" + accountId + ", pageId=" + getPageId()
                + ", recoveryInterval=" + getRecoveryInterval() + ", pageToken=****]";
    }
}
