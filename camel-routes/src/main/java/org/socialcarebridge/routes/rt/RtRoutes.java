package org.socialcarebridge.routes.rt;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.conversation.Intake;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.health.ChannelWatch;
import org.socialcarebridge.reply.Outbox;
import org.socialcarebridge.reply.ReplyApprovals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host route set: file received messages into RT, take agents' replies from RT (scrip
 * notification at once, reconciliation as a safety net) and deliver the outbox.
 */
public final class RtRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RtRoutes.class);
    static final int MAX_NOTIFICATION_BYTES = 4096;

    private final String baseUri;
    private final RtSettings settings;
    private final Intake intake;
    private final Outbox outbox;
    private final ReplyApprovals approvals;
    private final boolean deliver;
    private final RtReplyReconciler reconciler;
    private final ChannelWatch watch;
    private final ChannelStatus status;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param deliver false when the reply settings are wrong: replies are taken into the outbox but
     *                not delivered until the settings are fixed
     */
    public RtRoutes(String baseUri, RtSettings settings, Intake intake, Outbox outbox, boolean deliver,
                    ReplyApprovals approvals, RtReplyReconciler reconciler, ChannelWatch watch, ChannelStatus status,
                    ObjectMapper json, Clock clock) {
        this.approvals = approvals;
        this.deliver = deliver;
        this.watch = watch;
        this.baseUri = baseUri;
        this.settings = settings;
        this.intake = intake;
        this.outbox = outbox;
        this.reconciler = reconciler;
        this.status = status;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void configure() {
        // One filing thread: RT on SQLite serialises writers, so more would add latency, not throughput.
        from("timer:rt-filing?delay=0&period=250")
                .routeId("rt-filing")
                .process(exchange -> {
                    Intake.FilingReport report = intake.filePending(50);
                    if (report.error() == null && report.filed() > 0) {
                        status.succeeded(clock.instant(), null);
                    } else if (report.error() != null) {
                        status.failed(clock.instant(), "RT: " + report.error() + " (" + report.waiting() + " messages waiting)");
                    }
                });

        from(baseUri + "/rt/transactions?httpMethodRestrict=POST")
                .routeId("rt-notifications")
                .process(this::acceptNotification)
                .choice().when(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(202))
                    .to("seda:rt-replies?waitForTaskToComplete=Never")
                .end()
                .process(exchange -> exchange.getMessage().setBody(
                        exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) == 202
                                ? "{\"accepted\":true}" : exchange.getMessage().getBody(String.class)));

        from("seda:rt-replies")
                .routeId("rt-replies")
                .process(exchange -> {
                    Long transaction = exchange.getMessage().getBody(Long.class);
                    try {
                        outbox.accept(transaction);
                    } catch (RuntimeException e) {
                        // Nothing is lost: the reconciler reads the same transaction from RT later.
                        LOG.warn("Reply transaction {} not taken yet ({}); reconciliation will retry", transaction, e.getMessage());
                    }
                });

        from("timer:rt-reconcile?delay=0&period=" + settings.reconcileInterval().toMillis())
                .routeId("rt-reconcile")
                .process(exchange -> {
                    // Reconciliation reads RT every interval, so it is also the host's heartbeat.
                    try {
                        int taken = reconciler.reconcile();
                        status.succeeded(clock.instant(), reconciler.position());
                        if (taken > 0) {
                            LOG.info("Reconciliation found {} replies the notification had not delivered", taken);
                        }
                    } catch (RuntimeException e) {
                        status.failed(clock.instant(), "RT: " + e.getMessage());
                    }
                });

        from("timer:channel-watch?delay=5000&period=5000")
                .routeId("channel-watch")
                .process(exchange -> {
                    try {
                        watch.check();
                    } catch (RuntimeException e) {
                        LOG.warn("Channel alerts not updated in RT yet: {}", e.getMessage());
                    }
                });

        if (deliver) {
            from("timer:outbox?delay=500&period=250")
                    .routeId("outbox-delivery")
                    .process(exchange -> outbox.deliverDue(20));
        }

        // Supervisors' approvals are read as often as replies are reconciled.
        from("timer:rt-approvals?delay=1000&period=" + settings.reconcileInterval().toMillis())
                .routeId("rt-approvals")
                .process(exchange -> {
                    try {
                        approvals.readFromDesk();
                    } catch (RuntimeException e) {
                        LOG.warn("Supervisors' approvals not read from RT yet (the next look retries): {}", e.getMessage());
                    }
                });
    }

    /**
     * The scrip's notification names only a transaction; everything else is read back from RT, so a
     * forged notification can at most make the plugin look at a real transaction sooner.
     */
    private void acceptNotification(Exchange exchange) {
        var in = exchange.getMessage();
        String body = in.getBody(String.class);
        in.removeHeaders("*");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (body == null || body.length() > MAX_NOTIFICATION_BYTES) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 413);
            in.setBody("{\"error\":\"expected a small JSON object {\\\"ticket\\\":N,\\\"transaction\\\":T}\"}");
            return;
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode txn = node.path("transaction");
            long id = txn.isIntegralNumber() || txn.isTextual() ? txn.asLong(0) : 0;
            if (id <= 0) {
                throw new IllegalArgumentException("'transaction' must be a positive number, got " + txn);
            }
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
            in.setBody(id);
        } catch (Exception e) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            in.setBody(json.createObjectNode().put("error", "malformed notification: " + e.getMessage()).toString());
        }
    }
}
