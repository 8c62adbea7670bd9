package org.socialcarebridge.routes.x;

import java.time.Clock;
import java.util.List;

import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.routes.channel.ChannelPoller;

/** What the X channel listens to: the brand's mentions and its direct messages, each with its own cursor. */
public final class XChannel {
    private XChannel() {
    }

    public static ChannelPoller poller(XApi api, XSettings settings, Intake intake, Database db, ChannelStatus status,
                                       Clock clock) {
        return new ChannelPoller(Network.X, () -> XMessages.identity(api.me().path("data")),
                List.of(new XMentionsFeed(api, id -> intake.knows(Network.X, id), settings.ticketQuotes()),
                        new XDirectMessagesFeed(api)),
                intake, db, status, clock);
    }
}
