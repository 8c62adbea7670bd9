package org.socialcarebridge.routes.health;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.health.Health;

/**
 * Every timer route's and every polling route's heartbeat on the health board (channel
 * {@code route:<route id>}): when each run starts and ends, and what went wrong in it. A timer or
 * poller whose thread died, or whose run hangs, stops beating: the board then reports the route
 * failing (HTTP 503) and the channel watch raises an alert. Installed once on the context, so a route
 * added later is watched as well.
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
        if (!(route instanceof RouteDefinition r)) {
            return null;
        }
        if (!r.getInput().getEndpointUri().startsWith("timer:")) {
            return new PollBeats(routeId);
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

    /**
     * A scheduled poll's heartbeat ({@code x:mentions}, any {@link ScheduledPollConsumer}): its poll
     * strategy hears every poll begin and end, an empty one too, where a route policy hears only the
     * exchanges a poll creates. Routes of any other kind are left alone.
     */
    private final class PollBeats extends RoutePolicySupport {
        private final String routeId;

        PollBeats(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public void onInit(Route started) {
            // The consumer may not exist yet: then the endpoint hands the strategy to it when it does.
            if (started.getConsumer() instanceof ScheduledPollConsumer poller) {
                poller.setPollStrategy(beating(poller.getPollStrategy(), poller.getInitialDelay(), poller.getDelay()));
            } else if (started.getEndpoint() instanceof ScheduledPollEndpoint poll) {
                long delay = poll.getDelay() < 0 ? poll.getDefaultDelay() : poll.getDelay();
                poll.setPollStrategy(beating(poll.getPollStrategy(), poll.getInitialDelay(), delay));
            }
        }

        private PollingConsumerPollStrategy beating(PollingConsumerPollStrategy strategy, long initialDelay, long delay) {
            ChannelStatus status = health.route(routeId, Duration.ofMillis(Math.max(0, initialDelay) + delay));
            PollingConsumerPollStrategy inner = strategy != null ? strategy : new DefaultPollingConsumerPollStrategy();
            return new PollingConsumerPollStrategy() {
                @Override
                public boolean begin(Consumer consumer, Endpoint endpoint) {
                    status.tickStarted(clock.instant());
                    return inner.begin(consumer, endpoint);
                }

                @Override
                public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                    status.tickEnded(clock.instant(), null);
                    inner.commit(consumer, endpoint, polledMessages);
                }

                @Override
                public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause)
                        throws Exception {
                    status.tickEnded(clock.instant(), cause.toString());
                    return inner.rollback(consumer, endpoint, retryCounter, cause);
                }
            };
        }
    }
}
