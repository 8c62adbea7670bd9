package org.socialcarebridge.routes.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.socialcarebridge.metrics.MetricsPublisher;
import org.socialcarebridge.metrics.SupervisorReport;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.routes.http.AdminToken;
import org.socialcarebridge.routes.http.InboundRequest;
import org.socialcarebridge.triage.rules.BusinessHours;
import org.socialcarebridge.routes.health.Tick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Social care metrics: a timer keeps every ticket's metric fields current in the help desk, and the
 * supervisors' report over the plugin's own records, to check the desk's dashboard against:
 * <pre>
 * GET /socialcare/reports    the report now (admin token), as SupervisorReport.toJson() documents
 * </pre>
 */
public final class MetricsRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsRoutes.class);
    /** Tickets per pass: a backlog (a fresh install, a long outage) is worked off a few hundred at a time. */
    static final int PASS = 200;

    private final String baseUri;
    private final MetricsPublisher publisher;
    private final Database db;
    private final Supplier<BusinessHours> hours;
    private final Duration interval;
    private final AdminToken admin;
    private final Clock clock;

    /** @param hours the business hours in force (the triage rules file's), read at each use */
    public MetricsRoutes(String baseUri, MetricsPublisher publisher, Database db, Supplier<BusinessHours> hours,
                         Duration interval, AdminToken admin, Clock clock) {
        this.baseUri = baseUri;
        this.publisher = publisher;
        this.db = db;
        this.hours = hours;
        this.interval = interval;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:metrics-publish?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                .routeId("metrics-publish")
                .process(Tick.of(exchange -> {
                    try {
                        int written = publisher.publish(PASS);
                        if (written > 0) {
                            LOG.debug("Metrics written to {} tickets", written);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Ticket metrics not written to the help desk yet (the next pass goes on from there): {}",
                                e.getMessage());
                    }
                }));

        from(baseUri + "/reports?httpMethodRestrict=GET&" + InboundRequest.OPTIONS)
                .routeId("metrics-reports")
                .noStreamCaching()
                .process(this::report);
    }

    private void report(Exchange exchange) throws Exception {
        InboundRequest request = InboundRequest.of(exchange);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (!admin.admits(request, out)) {
            return;
        }
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setBody(SupervisorReport.of(db, hours.get(), clock.instant()).toJson());
    }
}
