package org.socialcarebridge.routes.mastodon;

import java.time.Clock;
import java.util.List;

import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.routes.channel.ChannelPoller;

/** What the Mastodon channel listens to: the brand account's mention notifications. */
public final class MastodonChannel {
    private MastodonChannel() {
    }

    public static ChannelPoller poller(MastodonApi api, MastodonSettings settings, Intake intake, Database db,
                                       ChannelStatus status, Clock clock) {
        return new ChannelPoller(Network.MASTODON, () -> MastodonMessages.identity(api.me()),
                List.of(new MastodonMentionsFeed(api, id -> intake.knows(Network.MASTODON, id), settings.ticketQuotes(),
                        settings.limit())),
                intake, db, status, clock);
    }
}
