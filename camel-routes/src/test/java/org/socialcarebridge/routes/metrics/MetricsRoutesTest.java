package org.socialcarebridge.routes.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.host.HostUnavailableException;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.metrics.MetricsPublisher;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.AdminToken;
import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageRecord;
import org.socialcarebridge.triage.rules.BusinessHours;

/** The metrics timer survives a help desk outage and catches up; the report answers the admin only. */
class MetricsRoutesTest {
    static final String TOKEN = "metrics-admin-token-0123456789";
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 10, false);

    final Database db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    final DefaultCamelContext camel = new DefaultCamelContext();
    final AtomicInteger calls = new AtomicInteger();
    final Map<Long, Map<TicketField, String>> written = new ConcurrentHashMap<>();
    /** A help desk that is down for the first field write, then records them; the metrics call nothing else. */
    final HostGateway host = (HostGateway) Proxy.newProxyInstance(HostGateway.class.getClassLoader(),
            new Class<?>[]{HostGateway.class}, (proxy, method, args) -> {
                if (!method.getName().equals("setTicketFields")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                if (calls.incrementAndGet() == 1) {
                    throw new HostUnavailableException("RT is down (test)");
                }
                @SuppressWarnings("unchecked")
                Map<TicketField, String> fields = (Map<TicketField, String>) args[1];
                written.computeIfAbsent((Long) args[0], k -> new ConcurrentHashMap<>()).putAll(fields);
                return null;
            });

    @AfterEach
    void close() throws Exception {
        camel.close();
        db.close();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A customer message filed on ticket 7 a minute ago, due a second ago: nobody answered in time. */
    void seedLateTicket() {
        Instant now = Instant.now();
        InboundMessage m = new InboundMessage(Network.X, "10", ALICE, "@acme my bag is lost", now.minusSeconds(60), null, "10",
                Visibility.PUBLIC, null);
        Signals signals = new Signals(List.of(), ContactType.COMPLAINT, Sentiment.NEGATIVE, -0.6, "lexicon", "en", List.of(), 10,
                false, false, List.of(), null);
        TriageDecision d = new TriageDecision(signals, true, "Social", null, 70, Tier.P1, "Lost or Damaged", false,
                now.minusSeconds(1), List.of(), "test");
        db.writing(em -> {
            LedgerEntry e = LedgerEntry.received(m, now.minusSeconds(60));
            e.filed(new Conversation("x:10", 7, ALICE, now.minusSeconds(60)), now.minusSeconds(60));
            em.persist(e);
            em.persist(TriageRecord.of(m.key(), d, now.minusSeconds(60)));
        });
    }

    HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTimerOutlivesAnOutageAndTheReportAnswersTheAdmin() throws Exception {
        seedLateTicket();
        int port = freePort();
        ObjectMapper json = new ObjectMapper();
        MetricsPublisher publisher = new MetricsPublisher(db, host, BusinessHours::weekdays, Clock.systemUTC());
        camel.addRoutes(new MetricsRoutes("jetty:http://127.0.0.1:" + port + "/socialcare", publisher, db, BusinessHours::weekdays,
                Duration.ofMillis(100), new AdminToken(TOKEN, json), Clock.systemUTC()));
        camel.start();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!written.containsKey(7L) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(calls.get() >= 2, "the first pass met the outage, a later one wrote: " + calls.get());
        assertEquals("Breached", written.get(7L).get(TicketField.SLA));
        assertEquals("0", written.get(7L).get(TicketField.REPLIES));
        assertTrue(camel.getRouteController().getRouteStatus("metrics-publish").isStarted(), "the route lives on");
        Thread.sleep(300);
        assertEquals(2, calls.get(), "written once, then nothing more changed");

        String url = "http://127.0.0.1:" + port + "/socialcare/reports";
        assertEquals(401, get(url, null).statusCode());
        assertEquals(401, get(url, "not-the-token-0123456789").statusCode());
        HttpResponse<String> inUrl = get(url + "?Authorization=Bearer%20" + TOKEN, null);
        assertEquals(401, inUrl.statusCode(), "the right token in the URL is refused");
        assertTrue(inUrl.body().contains("never in the URL"), inUrl.body());
        HttpResponse<String> r = get(url, TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode report = json.readTree(r.body());
        assertEquals(1, report.path("volume").path("total").asInt());
        assertEquals(1, report.path("volume").path("byNetwork").path("X").asInt());
        assertEquals(1, report.path("volume").path("byPriority").path("P1").asInt());
        assertEquals(1, report.path("volume").path("byCategory").path("Lost or Damaged").asInt());
        assertEquals(0, report.path("noise").path("filtered").asInt(-1));
        assertEquals(List.of("generatedAt", "week", "slaAtRisk", "slaBreachedToday", "volume", "firstResponseByTier",
                "csatByAgent", "sentimentConversion", "noise", "channelAlerts"), iterable(report.fieldNames()));
    }

    static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
