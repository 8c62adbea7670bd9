package org.socialcarebridge.component.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.feed.FeedTicks;

/** What the mastodon endpoints are made of, from their paths. */
class MastodonEndpointTest {
    @RegisterExtension
    final MastodonFixture mastodon = new MastodonFixture();

    @Test
    void anUnknownEndpointSaysWhichOnesThereAre() {
        Exception e = assertThrows(Exception.class, () -> mastodon.camel().getEndpoint("mastodon:directMessages"));
        assertEquals("mastodon:directMessages is not an endpoint of mastodon; use one of mastodon:mentions, mastodon:post",
                e.getCause().getMessage());
    }

    @Test
    void postIsNotReadFrom() {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> mastodon.camel().getEndpoint("mastodon:post").createConsumer(exchange -> { }));
        assertEquals("mastodon:post is sent to, not read from; read mastodon:mentions", e.getMessage());
    }

    @Test
    void itsOneFeedKeepsCamelsOwnScheduler() {
        assertFalse(mastodon.poller().consumer("mastodon-mentions").getScheduler() instanceof FeedTicks,
                "one feed has nothing to keep in order with");
    }
}
