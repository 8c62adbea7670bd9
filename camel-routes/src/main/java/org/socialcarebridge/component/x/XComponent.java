package org.socialcarebridge.component.x;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.socialcarebridge.component.feed.Listening;

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
public final class XComponent extends DefaultComponent {
    private final XConfiguration configuration;
    private final XApi api;
    private Listening listening;

    public XComponent(XConfiguration configuration, XApi api) {
        this.configuration = configuration;
        this.api = api;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        XEndpoint endpoint = new XEndpoint(uri, this, XEndpoint.Kind.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public XConfiguration getConfiguration() {
        return configuration;
    }

    XApi api() {
        return api;
    }

    /** What the consumers share and record into; set before a route reads a feed (posting needs none). */
    public void setListening(Listening listening) {
        this.listening = listening;
    }

    Listening listening() {
        if (listening == null) {
            throw new IllegalStateException("The x component reads no feed until it is given a Listening"
                    + " (XComponent.setListening); only x:post works without one");
        }
        return listening;
    }
}
