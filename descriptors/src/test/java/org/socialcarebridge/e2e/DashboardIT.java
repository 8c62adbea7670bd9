package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The supervisors' "Social care" dashboard against the real RT (no Karaf, no simulator): a known
 * scenario is seeded as tickets, then every saved search the dashboard shows is read as RT stores it
 * (host/rt/dashboard-searches.pl), run over REST2 on the seeded tickets alone, grouped by the chart's
 * own group-by and compared with the counts the scenario means; the dashboard page itself renders for
 * a team lead (a member of Social Team Leads, opening it by its id) with every report and no RT error.
 */
class DashboardIT {
    /** RT only: this run's users, made once RT is provisioned; no simulator, no Karaf. */
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.rtOnly();
    static final Path PROVISION = Path.of("host/rt/provision.pl").toAbsolutePath();
    static final String RUN = "it-dashboard-" + Long.toString(System.currentTimeMillis(), 36);
    static final DateTimeFormatter RT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static final String NO_VALUE = SavedSearches.NO_VALUE;

    static Rt root;
    /** This run's agent and team lead (RtAccounts): the scenario credits its surveys to them. */
    static String agentName;
    static String leadName;
    static final List<Long> seeded = new ArrayList<>();
    static final Map<String, Long> byName = new LinkedHashMap<>();
    static final Map<Long, JsonNode> tickets = new HashMap<>();
    static String today;

    static String run(Path script) throws IOException, InterruptedException {
        return SavedSearches.run(script);
    }

    @BeforeAll
    static void seed() throws Exception {
        run(PROVISION); // the reports as this tree defines them
        RtAccounts accounts = fixture.accounts();
        root = accounts.admin.login();
        agentName = accounts.agent.name();
        leadName = accounts.lead.name();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        String soon = RT_TIME.format(now.plus(30, ChronoUnit.MINUTES));
        String overdue = RT_TIME.format(now.minus(10, ChronoUnit.MINUTES));
        String later = RT_TIME.format(now.plus(3, ChronoUnit.HOURS));
        String earlierToday = RT_TIME.format(midnight.plusSeconds((now.getEpochSecond() - midnight.getEpochSecond()) / 2));
        String yesterday = RT_TIME.format(midnight.minus(1, ChronoUnit.HOURS));
        String tenDaysAgo = RT_TIME.format(now.minus(10, ChronoUnit.DAYS));

        // Social tickets: name, queue, status, due, resolved, then custom fields as name/value pairs.
        social("at risk", "Social", "open", soon, null, "Social SLA", "Open",
                "Social Network", "X", "Social Category", "Delay", "Social Priority", "P1");
        social("at risk, overdue, escalated", "Social Escalations", "new", overdue, null, "Social SLA", "Open",
                "Social Network", "Mastodon", "Social Category", "Outage", "Social Priority", "P1");
        social("due later", "Social", "open", later, null, "Social SLA", "Open",
                "Social Network", "X", "Social Category", "Delay", "Social Priority", "P2");
        social("resolved, still open SLA", "Social", "resolved", soon, null, "Social SLA", "Open",
                "Social Network", "Mastodon", "Social Category", "Account", "Social Priority", "P2",
                "Social First Response Band", "under 15m", "Social CSAT", "5", "Social Resolved By", agentName,
                "Social Sentiment Conversion", "negative→positive");
        social("met, stalled", "Social", "stalled", soon, null, "Social SLA", "Met",
                "Social Network", "X", "Social Category", "Other", "Social Priority", "P3",
                "Social First Response Band", "15m to 1h");
        social("breached today", "Social", "open", earlierToday, null, "Social SLA", "Breached",
                "Social Network", "X", "Social Category", "Delay", "Social Priority", "P1",
                "Social First Response Band", "1h to 4h");
        social("breached yesterday, resolved long ago", "Social", "resolved", yesterday, tenDaysAgo, "Social SLA", "Breached",
                "Social Network", "X", "Social Category", "Delay", "Social Priority", "P1",
                "Social First Response Band", "over 24h", "Social CSAT", "2", "Social Resolved By", agentName,
                "Social Sentiment Conversion", "negative→negative");
        social("resolved by the lead", "Social", "resolved", null, null, "Social SLA", "Met",
                "Social Network", "X", "Social Category", "Booking and Billing", "Social Priority", "P2",
                "Social First Response Band", "under 15m", "Social CSAT", "4", "Social Resolved By", leadName,
                "Social Sentiment Conversion", "neutral→positive");
        social("resolved by the agent", "Social", "resolved", null, null, "Social SLA", "Met",
                "Social Network", "X", "Social Category", "Account", "Social Priority", "P3",
                "Social First Response Band", "under 15m", "Social CSAT", "5", "Social Resolved By", agentName,
                "Social Sentiment Conversion", "negative→positive");
        social("rejected", "Social", "rejected", null, null,
                "Social Network", "Mastodon", "Social Category", "Other", "Social Priority", "P3",
                "Social Sentiment Conversion", "positive→positive");
        social("not triaged yet", "Social", "open", null, null, "Social SLA", "Open");
        // Not a social ticket (no conversation): in no report, whatever its fields say.
        ticket("no conversation", "Social", "open", soon, null, "Social SLA", "Open", "Social Network", "X",
                "Social Category", "Delay", "Social Priority", "P1", "Social CSAT", "3", "Social Resolved By", agentName);
        // The alert queue, and look-alikes that must not count.
        ticket("Social channel x needs attention " + RUN, "Social Ops", "new", null, null);
        ticket("Social channel mastodon needs attention " + RUN, "Social Ops", "resolved", null, null);
        ticket("Social channel x needs attention " + RUN + " (elsewhere)", "General", "new", null, null);
        ticket("Social channels report " + RUN, "Social Ops", "new", null, null);
        ticket("Filtered as noise on " + today + " " + RUN, "Social Ops", "new", null, null);
        ticket("Filtered as noise on " + today + " " + RUN + " (looked at)", "Social Ops", "resolved", null, null);
        ticket("Re: Filtered as noise on " + today + " " + RUN, "Social Ops", "new", null, null);
    }

    @AfterAll
    static void unseed() {
        // Deleted tickets are in no search: the demo's dashboard shows real work, not this scenario.
        for (long id : seeded) {
            root.send("DELETE", "/ticket/" + id, null);
        }
    }

    static void social(String name, String queue, String status, String due, String resolved, String... fields) {
        String[] withConversation = new String[fields.length + 2];
        withConversation[0] = "Social Conversation ID";
        withConversation[1] = "x:" + RUN + "-" + (byName.size() + 1);
        System.arraycopy(fields, 0, withConversation, 2, fields.length);
        ticket(name, queue, status, due, resolved, withConversation);
    }

    /** Creates the ticket and checks RT kept every value (REST2 drops an unknown field or value silently). */
    static void ticket(String name, String queue, String status, String due, String resolved, String... fields) {
        // RT's lifecycle lets a ticket start only as new, open or resolved; the others are reached from open.
        boolean initial = Set.of("new", "open", "resolved").contains(status);
        ObjectNode body = Rt.JSON.createObjectNode().put("Queue", queue).put("Subject", name.contains(RUN) ? name : name + " " + RUN)
                .put("Status", initial ? status : "open").put("Content", "dashboard scenario").put("ContentType", "text/plain");
        if (due != null) {
            body.put("Due", due);
        }
        if (resolved != null) {
            body.put("Resolved", resolved);
        }
        ObjectNode cfs = body.putObject("CustomFields");
        for (int i = 0; i < fields.length; i += 2) {
            cfs.put(fields[i], fields[i + 1]);
        }
        long id = root.send("POST", "/ticket", body).path("id").asLong();
        seeded.add(id);
        if (!initial) {
            root.send("PUT", "/ticket/" + id, Rt.JSON.createObjectNode().put("Status", status));
        }
        byName.put(name, id);
        JsonNode t = root.ticket(id);
        tickets.put(id, t);
        assertEquals(status, t.path("Status").asText(), name);
        for (int i = 0; i < fields.length; i += 2) {
            assertEquals(fields[i + 1], Rt.field(t, fields[i]), name + ": RT did not keep " + fields[i]);
        }
    }

    static Map<List<String>, Integer> chart(JsonNode search) {
        return SavedSearches.chart(root, search, seeded, tickets::get);
    }

    static List<Long> found(JsonNode search) {
        return SavedSearches.found(root, search, seeded);
    }

    static List<String> key(String... values) {
        return List.of(values);
    }

    static Set<Long> ids(String... names) {
        Set<Long> set = new TreeSet<>();
        for (String name : names) {
            set.add(byName.get(name));
        }
        return set;
    }

    @Test
    void everySavedSearchOfTheDashboardCountsTheScenario() throws Exception {
        SavedSearches saved = SavedSearches.ofDashboard();
        JsonNode stored = saved.stored;
        assertEquals(1, stored.path("dashboard").path("copies").asInt(), "one dashboard named Social care");
        Map<String, JsonNode> searches = saved.byName;
        for (JsonNode s : searches.values()) {
            assertEquals(1, s.path("copies").asInt(), "one saved search named " + s.path("name").asText());
            assertTrue(s.path("name").asText().startsWith("Social care: "), s.path("name").asText());
        }

        Map<String, Set<Long>> lists = new LinkedHashMap<>();
        lists.put("Social care: SLA at risk now", ids("at risk", "at risk, overdue, escalated"));
        lists.put("Social care: SLA breached today", ids("breached today"));
        lists.put("Social care: Channel health", ids("Social channel x needs attention " + RUN));
        lists.put("Social care: Noise filtered", ids("Filtered as noise on " + today + " " + RUN,
                "Filtered as noise on " + today + " " + RUN + " (looked at)"));

        Map<String, Map<List<String>, Integer>> charts = new LinkedHashMap<>();
        charts.put("Social care: Volume this week by network", Map.of(key("X"), 7, key("Mastodon"), 3, key(NO_VALUE), 1));
        charts.put("Social care: Volume this week by category", Map.of(key("Delay"), 4, key("Outage"), 1,
                key("Account"), 2, key("Other"), 2, key("Booking and Billing"), 1, key(NO_VALUE), 1));
        charts.put("Social care: Volume this week by priority", Map.of(key("P1"), 4, key("P2"), 3, key("P3"), 3,
                key(NO_VALUE), 1));
        charts.put("Social care: First response by tier", Map.of(key("P2", "under 15m"), 2, key("P3", "15m to 1h"), 1,
                key("P1", "1h to 4h"), 1, key("P1", "over 24h"), 1, key("P3", "under 15m"), 1));
        charts.put("Social care: CSAT by agent", Map.of(key(agentName, "5"), 2, key(agentName, "2"), 1, key(leadName, "4"), 1));
        charts.put("Social care: Sentiment conversion", Map.of(key("negative→positive"), 2, key("neutral→positive"), 1));
        charts.put("Social care: Ticketed this week", Map.of(key(today), 11));

        Set<String> expected = new TreeSet<>(lists.keySet());
        expected.addAll(charts.keySet());
        assertEquals(expected, new TreeSet<>(searches.keySet()), "the dashboard shows every report, and only these");

        lists.forEach((name, want) -> {
            JsonNode s = searches.get(name);
            assertEquals("Ticket", s.path("searchType").asText(), name);
            assertEquals(want, new TreeSet<>(found(s)), name + ": " + s.path("query").asText());
        });
        charts.forEach((name, want) -> {
            JsonNode s = searches.get(name);
            assertEquals("Chart", s.path("searchType").asText(), name);
            assertEquals(want, chart(s), name + ": " + s.path("query").asText()
                    + " grouped by " + s.path("groupBy"));
        });
    }

    @Test
    void theTeamLeadSeesTheDashboardWithItsCharts() throws Exception {
        JsonNode stored = SavedSearches.ofDashboard().stored;
        long id = stored.path("dashboard").path("id").asLong();
        Rt lead = RtAccounts.ofThisRun().lead.login();
        String path = "/Dashboards/" + id + "/" + Rt.enc("Social care").replace("+", "%20");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Rt.URL + path))
                .header("Cookie", lead.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<title>Social care Dashboard</title>"), "the dashboard, not a login or error page");
        int panes = page.body().indexOf("<div class=\"dashboard row\" id=\"dashboard-" + id + "\">");
        assertTrue(panes > 0, "the dashboard's panes are on the page");
        String html = page.body().substring(panes); // the header carries RT's script messages, errors among them
        for (JsonNode s : stored.path("searches")) {
            assertTrue(html.contains(s.path("name").asText()), s.path("name").asText() + " is on the page");
            for (JsonNode by : s.path("groupBy")) {
                Matcher cf = SavedSearches.CF.matcher(by.asText());
                // RT falls back to grouping by status, silently, when the reader may not see the field.
                if (cf.matches()) {
                    assertTrue(html.contains("Custom field " + cf.group(1)), s.path("name").asText()
                            + " is grouped by " + cf.group(1) + " for the team lead");
                }
            }
        }
        for (String error : List.of("RT Error", "Permission Denied", "not found", "Could not load", "Unable to find",
                "(Incorrect data)", "not a valid grouping")) {
            assertFalse(html.contains(error), "the page says: " + error);
        }
    }
}
