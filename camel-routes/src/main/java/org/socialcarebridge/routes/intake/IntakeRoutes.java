package org.socialcarebridge.routes.intake;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.component.SocialCareHeaders;
import org.socialcarebridge.component.feed.FeedConsumer;
import org.socialcarebridge.component.feed.UnreadableItemException;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.channel.Network;

/**
 * {@code direct:intake}: where every network's messages arrive, one exchange each, to be recorded in
 * the ledger (route id {@code intake}). What cannot be read goes to the dead letters with the reason,
 * and the next message goes on; what cannot be recorded because the ledger is down fails the exchange,
 * so the feed reads it again next poll.
 * <pre>
 * from("x:mentions").routeId("x-mentions").to("direct:intake");
 * </pre>
 */
public final class IntakeRoutes extends RouteBuilder {
    public static final String URI = "direct:intake";

    private final Intake intake;

    public IntakeRoutes(Intake intake) {
        this.intake = intake;
    }

    @Override
    public void configure() {
        // A failure to record is the consumer's to report (once, on the health board), not a log line per poll.
        errorHandler(defaultErrorHandler().logExhausted(false));
        from(URI).routeId("intake")
                .onException(UnreadableItemException.class).handled(true).process(this::deadLetter).end()
                .process(this::record);
    }

    private void record(Exchange exchange) throws Exception {
        var in = exchange.getMessage();
        Throwable unread = in.getHeader(SocialCareHeaders.READ_FAILURE, Throwable.class);
        if (unread != null) {
            throw new UnreadableItemException(in.getHeader(SocialCareHeaders.MESSAGE_ID, String.class), unread);
        }
        // Stores one that alone cannot be stored as a dead letter; throws only when the ledger is down.
        int fresh = intake.receive(List.of(in.getMandatoryBody(InboundMessage.class)));
        exchange.setProperty(FeedConsumer.RECORDED, fresh);
    }

    private void deadLetter(Exchange exchange) {
        var in = exchange.getMessage();
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable reason = caught instanceof UnreadableItemException && caught.getCause() != null ? caught.getCause() : caught;
        intake.recordUnreadable(in.getHeader(SocialCareHeaders.NETWORK, Network.class),
                in.getHeader(SocialCareHeaders.MESSAGE_ID, String.class), in.getHeader(SocialCareHeaders.RAW, String.class),
                Intake.reason(reason));
    }
}
