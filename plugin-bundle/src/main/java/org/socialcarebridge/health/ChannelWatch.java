package org.socialcarebridge.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.socialcarebridge.host.Alerts;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silent breakage is the complaint users make most of social tools: a channel that stops working
 * raises one alert in the help desk, where supervisors look, and clears it when it works again. The
 * open alert's id is kept in the plugin's store, so a restart neither forgets nor repeats it.
 */
public final class ChannelWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelWatch.class);

    private final Health health;
    private final Alerts host;
    private final Database db;
    private final Duration staleAfter;
    private final Clock clock;

    /** A channel's open alert is kept under this prefix and its name in the cursors (empty: none open). */
    private static final String ALERT = "alert:";

    /** The alerts open now: the host's alert id by channel. */
    public static java.util.Map<String, Long> openAlerts(Database db) {
        java.util.Map<String, Long> alerts = new java.util.TreeMap<>();
        db.cursorsStartingWith(ALERT).forEach((channel, id) -> {
            if (id != null && !id.isEmpty()) {
                alerts.put(channel.substring(ALERT.length()), Long.parseLong(id));
            }
        });
        return alerts;
    }

    public ChannelWatch(Health health, Alerts host, Database db, Duration staleAfter, Clock clock) {
        this.health = health;
        this.host = host;
        this.db = db;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    public void check() {
        for (ChannelStatus channel : health.channels()) {
            String key = ALERT + channel.channel();
            String open = db.cursor(key);
            boolean alerting = open != null && !open.isEmpty();
            Optional<String> problem = channel.problem(clock.instant(), staleAfter);
            if (problem.isPresent() && !alerting) {
                long id = host.raiseAlert("Social channel " + channel.channel() + " needs attention",
                        "Social Care Bridge: " + problem.get() + ".\n\nMessages are kept and will be filed once the"
                                + " channel works again. This ticket is resolved automatically then.");
                db.moveCursor(key, String.valueOf(id), clock.instant());
                LOG.warn("Raised alert {} for channel {}: {}", id, channel.channel(), problem.get());
            } else if (problem.isEmpty() && alerting) {
                host.clearAlert(Long.parseLong(open), "Social Care Bridge: the " + channel.channel()
                        + " channel works again since " + clock.instant() + ".");
                db.moveCursor(key, "", clock.instant());
                LOG.info("Cleared alert {} for channel {}", open, channel.channel());
            }
        }
    }
}
