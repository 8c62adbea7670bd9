package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The saved searches of the "Social care" dashboard as RT stores them (read with
 * host/rt/dashboard-searches.pl; REST2 has no saved searches), run over REST2 on a given set of tickets
 * only (others in this shared RT do not count), charts grouped as RT's chart groups them.
 */
final class SavedSearches {
    static final Path SCRIPT = Path.of("host/rt/dashboard-searches.pl").toAbsolutePath();
    static final String NO_VALUE = "(no value)";
    static final Pattern CF = Pattern.compile("CF\\.\\{(.+)\\}");
    static final Pattern DAILY = Pattern.compile("(\\w+)\\.Daily");

    /** What the script printed: the dashboard and its searches. */
    final JsonNode stored;
    /** The searches by name, e.g. {@code Social care: SLA at risk now}. */
    final Map<String, JsonNode> byName = new LinkedHashMap<>();

    private SavedSearches(JsonNode stored) {
        this.stored = stored;
        for (JsonNode s : stored.path("searches")) {
            byName.put(s.path("name").asText(), s);
        }
    }

    static SavedSearches ofDashboard() throws IOException, InterruptedException {
        return new SavedSearches(Rt.JSON.readTree(run(SCRIPT)));
    }

    static String run(Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("perl", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), script + " failed: " + out);
        return out;
    }

    /** The tickets among these that the saved search finds. */
    static List<Long> found(Rt rt, JsonNode search, Collection<Long> among) {
        String ids = among.stream().map(id -> "id = " + id).collect(Collectors.joining(" OR "));
        return rt.tickets("(" + search.path("query").asText() + ") AND (" + ids + ")");
    }

    /** The chart's counts among these tickets, by its group-by values. */
    static Map<List<String>, Integer> chart(Rt rt, JsonNode search, Collection<Long> among, LongFunction<JsonNode> ticket) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (long id : found(rt, search, among)) {
            List<String> key = new ArrayList<>();
            for (JsonNode by : search.path("groupBy")) {
                key.add(value(ticket.apply(id), by.asText()));
            }
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** A ticket's value for one of a chart's groupings: a custom field's value, or a date's day in UTC. */
    static String value(JsonNode ticket, String groupBy) {
        Matcher cf = CF.matcher(groupBy);
        if (cf.matches()) {
            String v = Rt.field(ticket, cf.group(1));
            return v == null ? NO_VALUE : v;
        }
        Matcher daily = DAILY.matcher(groupBy);
        if (daily.matches()) {
            return ticket.path(daily.group(1)).asText().substring(0, 10);
        }
        throw new IllegalArgumentException("SavedSearches cannot group by '" + groupBy
                + "' yet; teach value() how RT's chart groups it (CF.{Name} and <Date>.Daily are known)");
    }
}
