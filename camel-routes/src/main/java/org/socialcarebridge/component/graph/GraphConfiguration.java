package org.socialcarebridge.component.graph;

import java.time.Duration;

import org.socialcarebridge.component.feed.ChannelConfiguration;

/**
 * What every Meta channel's component knows: where the Graph API is ({@code baseUrl}), the Page and its
 * token (Instagram's calls use its linked Page's), and the recovery's pace. Nothing is polled in normal
 * operation (Meta's webhook delivers), so the base's poll interval is unused. The token is never shown.
 */
public abstract class GraphConfiguration extends ChannelConfiguration {
    /** How far back the first recovery reads when the settings say nothing. */
    public static final Duration DEFAULT_RECOVERY_LOOK_BACK = Duration.ofHours(24);
    public static final Duration DEFAULT_RECOVERY_INTERVAL = Duration.ofMinutes(5);

    private String pageId;
    private String pageToken;
    private Duration recoveryInterval = DEFAULT_RECOVERY_INTERVAL;
    private Duration recoveryLookBack = DEFAULT_RECOVERY_LOOK_BACK;

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

    /** How far back the first recovery reads, before it has a high-water mark. */
    public Duration getRecoveryLookBack() {
        return recoveryLookBack;
    }

    public void setRecoveryLookBack(Duration recoveryLookBack) {
        this.recoveryLookBack = recoveryLookBack;
    }
}
