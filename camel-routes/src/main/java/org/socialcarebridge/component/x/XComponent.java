package org.socialcarebridge.component.x;

import java.util.List;

import org.socialcarebridge.component.feed.ChannelComponent;
import org.socialcarebridge.component.feed.ChannelEndpoint;

/**
 * X as a Camel component, scheme {@code x}: {@code x:mentions} and {@code x:directMessages} read the
 * brand's feeds (scheduled polls: {@code delay}, {@code initialDelay} and the other scheduler options
 * apply), {@code x:post} posts replies and direct messages. The calls to X's API go through
 * {@link XApi}.
 * <pre>
 * camel.addComponent("x", new XComponent(configuration, api));
 * from("x:mentions?delay=5000").routeId("x-mentions").to("direct:intake");
 * </pre>
 */
public final class XComponent extends ChannelComponent<XConfiguration> {
    static final String MENTIONS = "mentions";
    static final String DIRECT_MESSAGES = "directMessages";

    private final XApi api;

    public XComponent(XConfiguration configuration, XApi api) {
        super("x", configuration, List.of(MENTIONS, DIRECT_MESSAGES));
        this.api = api;
    }

    @Override
    protected ChannelEndpoint createChannelEndpoint(String uri, String path) {
        return new XEndpoint(uri, this, path);
    }

    XApi api() {
        return api;
    }
}
