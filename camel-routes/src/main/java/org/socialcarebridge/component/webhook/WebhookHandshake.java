package org.socialcarebridge.component.webhook;

import org.apache.camel.Message;
import org.socialcarebridge.routes.http.InboundRequest;

/**
 * A webhook's answer to GET, by which the network checks the receiver before it sends to it: Meta's
 * {@code hub.*} subscription ({@link HubHandshake}), X's CRC ({@link XCrcHandshake}).
 */
@FunctionalInterface
public interface WebhookHandshake {
    /**
     * Writes the answer to {@code out}: the network's expected answer, or an error naming what is wrong.
     *
     * @return whether the handshake was answered as the network expects (counted on the health endpoint)
     */
    boolean answer(InboundRequest request, Message out) throws Exception;
}
