package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.SocialCareHeaders;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;

/** {@code x:post} against the X simulator: a public reply in its thread and a direct message, as the outbox sends them. */
class XProducerTest {
    static final String TOKEN = XFixture.TOKEN;
    @RegisterExtension
    final XFixture x = new XFixture();
    ProducerTemplate template;

    @BeforeEach
    void start() {
        template = x.camel().createProducerTemplate();
    }

    PostedMessage post(OutboundPost post) {
        return template.requestBodyAndHeader("x:post", post, SocialCareHeaders.IDEMPOTENCY_KEY, "key-1", PostedMessage.class);
    }

    @Test
    void postsAReplyInItsThreadAndADirectMessage() throws Exception {
        String mention = x.call("POST", "/2/tweets", "sim-user:dora", "{\"text\":\"@acme help\"}").path("data").path("id").asText();
        PostedMessage reply = post(new OutboundPost(Network.X, ReplyVisibility.PUBLIC, "@dora on it", mention, null));
        assertEquals("https://x.com/acme/status/" + reply.id(), reply.url());
        JsonNode posted = x.call("GET", "/2/tweets/" + reply.id() + "?tweet.fields=referenced_tweets,author_id", TOKEN, null);
        assertEquals("@dora on it", posted.path("data").path("text").asText());
        assertEquals(mention, posted.path("data").path("referenced_tweets").get(0).path("id").asText());

        String dora = x.call("GET", "/2/users/me", "sim-user:dora", null).path("data").path("id").asText();
        PostedMessage dm = post(new OutboundPost(Network.X, ReplyVisibility.PRIVATE, "send us your order number", null, dora));
        assertTrue(dm.url().startsWith("https://x.com/messages/"), dm.url());
        JsonNode events = x.call("GET", "/2/dm_events", "sim-user:dora", null);
        assertTrue(events.toString().contains("send us your order number"), events.toString());
    }

    @Test
    void anUnknownEndpointSaysWhichOnesThereAre() {
        Exception e = assertThrows(Exception.class, () -> x.camel().getEndpoint("x:timeline"));
        assertTrue(String.valueOf(e.getCause()).contains("use one of x:mentions, x:directMessages, x:post"), e.toString());
    }

    @Test
    void xsRefusalIsTheDomainsExceptionOnTheExchange() {
        Exchange answer = template.send("x:post", e -> e.getMessage().setBody(
                new OutboundPost(Network.X, ReplyVisibility.PUBLIC, "y".repeat(300), "1", null)));
        assertInstanceOf(PostRejectedException.class, answer.getException());
    }
}
