package org.socialcarebridge.routes.rt;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.health.ChannelWatch;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.reply.Outbox;
import org.socialcarebridge.reply.ReplyApprovals;
import org.socialcarebridge.routes.health.Tick;
import org.socialcarebridge.routes.http.InboundRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host route set: file received messages into RT, take agents' replies from RT (scrip
 * notification at once, reconciliation as a safety net) and deliver the outbox.
 */
public final class RtRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RtRoutes.class);

    /** Messages taken per filing pass. */
    static final int FILING_PASS = 200;

    private final String baseUri;
    private final RtSettings settings;
    private final Intake intake;
    private final Outbox outbox;
    private final ReplyApprovals approvals;
    private final boolean deliver;
    private final RtReplyReconciler reconciler;
    private final ChannelWatch watch;
    private final ChannelStatus status;
    private final RtNotifications notifications;
    private final Clock clock;

    /**
     * @param deliver      false when the reply settings are wrong: replies are taken into the outbox but
     *                     not delivered until the settings are fixed
     * @param notifySecret the secret RT's notifications carry; null turns the notification endpoint off
     *                     (replies then arrive by reconciliation only)
     */
    public RtRoutes(String baseUri, RtSettings settings, Intake intake, Outbox outbox, boolean deliver,
                    ReplyApprovals approvals, RtReplyReconciler reconciler, ChannelWatch watch, ChannelStatus status,
                    String notifySecret, ObjectMapper json, Clock clock) {
        this.approvals = approvals;
        this.deliver = deliver;
        this.watch = watch;
        this.baseUri = baseUri;
        this.settings = settings;
        this.intake = intake;
        this.outbox = outbox;
        this.reconciler = reconciler;
        this.status = status;
        this.notifications = new RtNotifications(notifySecret, reconciler::startPoint, json);
        this.clock = clock;
    }

    @Override
    public void configure() {
        // One pass at a time; within it, conversations are filed concurrently as the settings' filingConcurrency
        // and RT's answers allow (Intake's FilingPace). A pass of 200 gives the filing threads work to share.
        from("timer:rt-filing?delay=0&period=250")
                .routeId("rt-filing")
                .process(Tick.of(exchange -> {
                    Intake.FilingReport report = intake.filePending(FILING_PASS);
                    if (report.error() == null && report.filed() > 0) {
                        status.succeeded(clock.instant(), null);
                    } else if (report.error() != null) {
                        status.failed(clock.instant(), "RT: " + report.error() + " (" + report.waiting() + " messages waiting)");
                    }
                }));

        from(baseUri + "/rt/transactions?httpMethodRestrict=POST&" + InboundRequest.OPTIONS)
                .routeId("rt-notifications")
                .noStreamCaching()
                .process(notifications)
                .choice().when(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(202))
                    .to("seda:rt-replies?waitForTaskToComplete=Never")
                    .setBody(constant("{\"accepted\":true}"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .end();

        from("seda:rt-replies")
                .routeId("rt-replies")
                .process(Tick.of(exchange -> {
                    Long transaction = exchange.getMessage().getBody(Long.class);
                    try {
                        outbox.accept(transaction);
                    } catch (RuntimeException e) {
                        // Nothing is lost: the reconciler reads the same transaction from RT later.
                        LOG.warn("Reply transaction {} not taken yet ({}); reconciliation will retry", transaction, e.getMessage());
                    }
                }));

        from("timer:rt-reconcile?delay=0&period=" + settings.reconcileInterval().toMillis())
                .routeId("rt-reconcile")
                .process(Tick.of(exchange -> {
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
                }));

        from("timer:channel-watch?delay=5000&period=5000")
                .routeId("channel-watch")
                .process(Tick.of(exchange -> {
                    try {
                        watch.check();
                    } catch (RuntimeException e) {
                        LOG.warn("Channel alerts not updated in RT yet: {}", e.getMessage());
                    }
                }));

        if (deliver) {
            from("timer:outbox?delay=500&period=250")
                    .routeId("outbox-delivery")
                    .process(Tick.of(exchange -> outbox.deliverDue(20)));
        }

        // Supervisors' approvals are read as often as replies are reconciled.
        from("timer:rt-approvals?delay=1000&period=" + settings.reconcileInterval().toMillis())
                .routeId("rt-approvals")
                .process(Tick.of(exchange -> {
                    try {
                        approvals.readFromDesk();
                    } catch (RuntimeException e) {
                        LOG.warn("Supervisors' approvals not read from RT yet (the next look retries): {}", e.getMessage());
                    }
                }));
    }
}
