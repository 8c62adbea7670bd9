package org.socialcarebridge.routes.health;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A timer route's processor that lets nothing escape: Camel's timer and processor bridge catch only
 * {@link Exception}, so an {@link Error} (a stack overflow) thrown by the work would kill the timer's
 * thread while the route still reports Started. The failure is logged and left on the exchange for
 * {@link Heartbeats}; the next run comes as planned.
 * <pre>
 * from("timer:rt-filing?period=250").routeId("rt-filing").process(Tick.of(exchange -&gt; intake.filePending(50)));
 * </pre>
 */
public final class Tick implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(Tick.class);
    /** The exchange property that carries what went wrong in a run, for {@link Heartbeats}. */
    public static final String FAILURE = "SocialCareTickFailure";

    private final Processor work;

    private Tick(Processor work) {
        this.work = work;
    }

    public static Tick of(Processor work) {
        return new Tick(work);
    }

    @Override
    public void process(Exchange exchange) {
        try {
            work.process(exchange);
        } catch (Throwable t) { // an Error too: see the class comment
            String failure = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            exchange.setProperty(FAILURE, failure);
            LOG.error("Route {} failed this run; its next run comes as planned: {}", exchange.getFromRouteId(), failure, t);
        }
    }
}
