package org.socialcarebridge.routes.health;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.health.Health;

/**
 * Every timer route's heartbeat on the health board (channel {@code route:<route id>}): when each run
 * starts and ends, and what went wrong in it. A timer whose thread died, or whose run hangs, stops
 * beating: the board then reports the route failing (HTTP 503) and the channel watch raises an alert.
 * Installed once on the context, so a timer route added later is watched as well.
 */
public final class Heartbeats implements RoutePolicyFactory {
    private final Health health;
    private final Clock clock;

    public Heartbeats(Health health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        if (!(route instanceof RouteDefinition r) || !r.getInput().getEndpointUri().startsWith("timer:")) {
            return null;
        }
        return new RoutePolicySupport() {
            private ChannelStatus status;

            @Override
            public void onInit(Route started) {
                TimerEndpoint timer = (TimerEndpoint) started.getEndpoint();
                status = health.route(routeId, Duration.ofMillis(timer.getPeriod()).plusMillis(timer.getDelay()));
            }

            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                status.tickStarted(clock.instant());
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                String failure = exchange.getProperty(Tick.FAILURE, String.class);
                if (failure == null && exchange.getException() != null) {
                    failure = exchange.getException().toString();
                }
                status.tickEnded(clock.instant(), failure);
            }
        };
    }
}
