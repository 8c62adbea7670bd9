package org.socialcarebridge.component.whatsapp;

import java.time.Duration;

import org.socialcarebridge.component.feed.ChannelConfiguration;

/**
 * The WhatsApp component's settings, read from {@code etc/org.socialcarebridge.network.whatsapp.cfg}
 * ({@link WhatsAppSettings}): where the Graph API is ({@code baseUrl}, the file's {@code graphUrl}), the
 * business account, its phone number, the token, and how often the approved templates are read. Nothing is
 * polled (Meta's webhook delivers), so the base's poll interval is unused. The token is never shown.
 */
public final class WhatsAppConfiguration extends ChannelConfiguration {
    private String businessAccountId;
    private String phoneNumberId;
    private String accessToken;
    private Duration templateSyncInterval = WhatsAppSettings.DEFAULT_TEMPLATE_SYNC_INTERVAL;

    public static WhatsAppConfiguration from(WhatsAppSettings settings) {
        WhatsAppConfiguration c = new WhatsAppConfiguration();
        c.setBaseUrl(settings.graphUrl());
        c.setBusinessAccountId(settings.businessAccountId());
        c.setPhoneNumberId(settings.phoneNumberId());
        c.setAccessToken(settings.accessToken());
        c.setTemplateSyncInterval(settings.templateSyncInterval());
        return c;
    }

    public String getBusinessAccountId() {
        return businessAccountId;
    }

    public void setBusinessAccountId(String businessAccountId) {
        this.businessAccountId = businessAccountId;
    }

    public String getPhoneNumberId() {
        return phoneNumberId;
    }

    public void setPhoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Duration getTemplateSyncInterval() {
        return templateSyncInterval;
    }

    public void setTemplateSyncInterval(Duration templateSyncInterval) {
        this.templateSyncInterval = templateSyncInterval;
    }

    @Override
    public String toString() {
        return "WhatsAppConfiguration[graphUrl=" + getBaseUrl() + ", businessAccountId=" + businessAccountId
                + ", phoneNumberId=" + phoneNumberId + ", templateSyncInterval=" + templateSyncInterval
                + ", accessToken=****]";
    }
}
