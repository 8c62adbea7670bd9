package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.feed.FeedTicks;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.routes.http.HttpCall;

/** What the x endpoints are made of, from their paths: who reads, who posts, on which tick. */
class XEndpointTest {
    @RegisterExtension
    final XFixture x = new XFixture();

    @Test
    void aFeedIsNotSentTo() {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> x.camel().getEndpoint("x:mentions").createProducer());
        assertEquals("x://mentions is read from, not sent to; send posts to x:post", e.getMessage());
    }

    @Test
    void postIsNotReadFrom() {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> x.camel().getEndpoint("x:post").createConsumer(exchange -> { }));
        assertEquals("x:post is sent to, not read from; read x:mentions or x:directMessages", e.getMessage());
    }

    @Test
    void bothFeedsAreReadOnTheOneTickOfTheChannel() throws Exception {
        HandPoll poller = x.handPoll();
        FeedTicks ticks = assertInstanceOf(FeedTicks.class, poller.consumer("x-mentions").getScheduler());
        assertSame(ticks, poller.consumer("x-direct-messages").getScheduler());
    }

    @Test
    void aComponentWithoutListeningReadsNoFeed() throws Exception {
        XConfiguration configuration = x.configuration(Map.of());
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.addComponent("x", new XComponent(configuration, new XApi(new HttpCall(other), configuration, x.json())));
            other.start();
            Exception e = assertThrows(IllegalStateException.class,
                    () -> other.getEndpoint("x:mentions").createConsumer(exchange -> { }));
            assertEquals("The x component reads no feed until it is given a Listening (XComponent.setListening);"
                    + " only x:post works without one", e.getMessage());
        }
    }
}
