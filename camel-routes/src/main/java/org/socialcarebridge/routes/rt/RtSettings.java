package org.socialcarebridge.routes.rt;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.intake.FilingPace;
import org.socialcarebridge.settings.Settings;

/** {@code etc/org.socialcarebridge.host.rt.cfg}: where RT is and the user the plugin works as. */
public record RtSettings(String url, String user, String password, String queue, Duration reconcileInterval,
                         Duration reopenWindow, String alertQueue, Duration staleAfter, int filingConcurrency) {
    public static final String PID = "org.socialcarebridge.host.rt";
    static final int DEFAULT_FILING_CONCURRENCY = 4;

    public static RtSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        String url = s.url("url", null, "set RT's base URL, e.g. http://127.0.0.1:8085 (without /REST/2.0)");
        String user = s.text("user", null, "set the RT user the plugin works as (provisioning creates 'socialcare')");
        String password = s.secret("password", "set that RT user's password");
        String queue = s.text("queue", "Social", "set the RT queue for social tickets");
        Duration reconcile = s.duration("reconcileInterval", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofHours(1));
        Duration reopen = s.duration("reopenWindow", Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofDays(365));
        String alertQueue = s.text("alertQueue", "Social Ops", "");
        Duration stale = s.duration("staleAfter", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1));
        // Conversations filed at once; RT's 429/503 or slowness lowers it for a while (FilingPace).
        int filing = s.integer("filingConcurrency", DEFAULT_FILING_CONCURRENCY, 1, FilingPace.MOST);
        s.allowOnly(Set.of("url", "user", "password", "queue", "reconcileInterval", "reopenWindow", "alertQueue", "staleAfter",
                "filingConcurrency"));
        s.check();
        return new RtSettings(url, user, password, queue, reconcile, reopen, alertQueue, stale, filing);
    }

    @Override
    public String toString() {
        return "RtSettings[url=" + url + ", user=" + user + ", queue=" + queue + ", filingConcurrency=" + filingConcurrency
                + ", password=****]";
    }
}
