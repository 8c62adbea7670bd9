package org.socialcarebridge.component.feed;

import java.time.Duration;

/**
 * What every polled network's component is configured with: where its API is, how often its feeds are
 * read and whether quote posts are filed. The settings hold for the whole component, as its API service
 * is built from them; an endpoint's URI carries only the scheduler's options ({@code delay},
 * {@code initialDelay}, ...). A network adds its own (its token under its own name, its page size).
 */
public abstract class ChannelConfiguration {
    private String baseUrl;
    private Duration pollInterval = Duration.ofSeconds(5);
    /** Whether quote posts are filed like mentions, or only recorded. */
    private boolean ticketQuotes;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public boolean isTicketQuotes() {
        return ticketQuotes;
    }

    public void setTicketQuotes(boolean ticketQuotes) {
        this.ticketQuotes = ticketQuotes;
    }
}
