package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Endpoint;
import org.apache.camel.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.Posting;

/**
 * The network client posts through a producer its component keeps while the channel is attached: the
 * engine attaches a channel by adding its component to the context and detaches it by removing it, as
 * here. Nothing of a detached channel stays on the context, and a channel attached again with new
 * settings posts with those.
 */
class PostingTest {
    @RegisterExtension
    final XFixture x = new XFixture();

    PostedMessage reply(XComponent through, String inReplyTo) {
        return new XNetworkClient(through).post(new OutboundPost(Network.X, ReplyVisibility.PUBLIC, "@dora on it", inReplyTo,
                null), null);
    }

    /** The x endpoints in the context's registry (the HTTP endpoint the API calls share is the core's). */
    Set<String> xEndpoints() {
        return x.camel().getEndpoints().stream().map(Endpoint::getEndpointUri).filter(uri -> uri.startsWith("x:"))
                .collect(Collectors.toSet());
    }

    @Test
    void aPostAfterTheChannelIsDetachedFailsSayingSo() throws Exception {
        String mention = x.tweet("dora", "@acme help");
        XComponent attached = x.component();
        reply(attached, mention);
        x.camel().removeComponent("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reply(attached, mention));
        assertTrue(e.getMessage().startsWith("x:post: not posted, the channel is not attached"), e.getMessage());
    }

    @Test
    void attachDetachAttachLeavesNothingBehindAndPostsWithTheNewSettings() throws Exception {
        String mention = x.tweet("dora", "@acme help");
        int routes = x.camel().getRoutes().size();
        XComponent first = x.component();
        assertTrue(reply(first, mention).url().contains("/acme/status/"));

        x.camel().removeComponent("x");
        XComponent second = x.listening(x.camel(), x.configuration(Map.of("brandHandle", "acme_care")));
        x.camel().addComponent("x", second);
        PostedMessage again = reply(second, mention);

        assertTrue(again.url().contains("/acme_care/status/"), "posted by the component attached now: " + again.url());
        assertTrue(first.posting().isStopped(), "the detached component's producer is stopped");
        assertEquals(Set.of(), xEndpoints(), "no x:post endpoint is left in the context's registry");
        assertEquals(routes, x.camel().getRoutes().size());
        assertNull(x.camel().hasService(s -> s instanceof Posting
                        || s instanceof Producer p && p.getEndpoint() instanceof XEndpoint),
                "no x producer among the context's services");
    }
}
