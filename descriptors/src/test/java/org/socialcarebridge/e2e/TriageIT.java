package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Triage end to end with the rules file the distribution ships: the real RT, the assembled Karaf and
 * the X simulator. A complaint lands as P1 with its priority, due date and explanation; a crisis with
 * a lawyer goes to the escalation queue and its team leads, approval required; spam makes no ticket
 * but is recorded, listed and can be promoted; a bad rules file keeps the old rules in force; an
 * agent's correction in RT is learnt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TriageIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("triage").withAdminToken();
    static final String TOKEN = fixture.xToken();
    static final String ADMIN = fixture.adminToken();
    static final Duration SOON = Duration.ofSeconds(30);
    static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    static XSimulator simulator;
    static XSim x;
    static Karaf karaf;
    static Rt root;
    static Rt agent;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        simulator = fixture.xSimulator();
        x = fixture.x();
        karaf = fixture.karaf();
        root = RtAccounts.ofThisRun().admin.login();
        agent = RtAccounts.ofThisRun().agent.login();
        karaf.awaitRunning(SOON, "x");
    }


    static long ticketFor(String tweetId) {
        return Await.until("a ticket for tweet " + tweetId, SOON, () -> root.ticketForConversation("x:" + tweetId));
    }

    static String queueName(JsonNode ticket) {
        return root.get("/queue/" + ticket.path("Queue").path("id").asText()).path("Name").asText();
    }

    static JsonNode admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8181/socialcare/triage/" + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " -> " + r.statusCode() + " " + r.body());
        return Rt.JSON.readTree(r.body());
    }

    /** Writes the rules file as an editor would save it: whole, in one move. */
    static void writeRules(String yaml) throws Exception {
        karaf.writeEtc("socialcare-triage.yaml", yaml);
    }

    static void assertDue(JsonNode ticket, Instant wrote, Duration within) {
        Instant due = Instant.parse(ticket.path("Due").asText());
        Instant expected = wrote.plus(within);
        assertTrue(Math.abs(Duration.between(expected, due).toSeconds()) <= 5,
                "due " + due + ", expected about " + expected + " (written " + wrote + " + " + within + ")");
    }

    @Test
    @Order(1)
    void aComplaintLandsAsP1WithPriorityDueDateAndExplanation() throws Exception {
        String handle = "dana_" + RUN;
        x.customer(handle, "Dana Scully", 230, false);
        Instant wrote = Instant.now();
        String id = x.tweet(handle, "@acme my flight " + RUN + " was delayed 5 hours and now my bag is lost. Worst service ever.", null);
        JsonNode t = root.ticket(ticketFor(id));

        assertEquals("Social", queueName(t));
        assertEquals("P1", Rt.field(t, "Social Priority"));
        assertEquals(90, t.path("Priority").asInt(), "the P1 tier's RT priority");
        assertDue(t, wrote, Duration.ofMinutes(30)); // P1: 30 minutes, 24x7
        assertEquals("Delay", Rt.field(t, "Social Category"));
        assertEquals("negative", Rt.field(t, "Social Sentiment"));
        assertEquals("complaint", Rt.field(t, "Social Contact Type"));
        assertEquals("en", Rt.field(t, "Social Language"));
        assertEquals("No", Rt.field(t, "Social Approval Required"));
        String explanation = Rt.field(t, "Social Triage");
        assertTrue(explanation != null && explanation.contains("P1") && explanation.contains("dissatisfaction"), explanation);

        // The dry run in Karaf's shell decides the same, and touches nothing.
        String dry = karaf.shell("socialcare:triage \"my flight was delayed 5 hours and now my bag is lost. Worst service ever.\" --json");
        JsonNode d = Rt.JSON.readTree(dry.substring(dry.indexOf('{')));
        assertEquals("P1", d.path("priority").asText(), dry);
        assertEquals("Social", d.path("queue").asText(), dry);
        assertEquals("Delay", d.path("category").asText(), dry);
        assertEquals("negative", d.path("sentiment").asText(), dry);
        assertFalse(d.path("noise").asBoolean(), dry);
    }

    @Test
    @Order(2)
    void aCrisisWithALawyerGoesToTheTeamLeadsAndNeedsApproval() {
        String handle = "ethan_" + RUN;
        x.customer(handle, "Ethan Hunt", 50, false);
        String id = x.tweet(handle, "@acme the charger you sold me caught fire and my son was injured. I am calling my lawyer. " + RUN, null);
        JsonNode t = root.ticket(ticketFor(id));

        assertEquals("Social Escalations", queueName(t));
        assertEquals("P1", Rt.field(t, "Social Priority"));
        assertEquals("Legal and PR", Rt.field(t, "Social Category"));
        assertEquals("Yes", Rt.field(t, "Social Approval Required"));
        assertEquals("crisis", Rt.field(t, "Social Contact Type"));
        JsonNode adminCc = t.path("AdminCc");
        assertEquals(1, adminCc.size(), adminCc.toString());
        assertEquals("Social Team Leads", root.get("/group/" + adminCc.get(0).path("id").asText()).path("Name").asText());
        String explanation = Rt.field(t, "Social Triage");
        assertTrue(explanation.contains("legal and PR") && explanation.contains("escalating crisis"), explanation);
    }

    @Test
    @Order(3)
    void spamMakesNoTicketButIsRecordedListedAndCanBePromoted() throws Exception {
        String handle = "winbig" + RUN;
        x.customer(handle, "Win Big", 3, false);
        long before = karaf.health().path("filteredAsNoise").asLong();
        String id = x.tweet(handle, "@acme Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone " + RUN, null);

        Await.until("the spam to be filtered", SOON, () -> karaf.health().path("filteredAsNoise").asLong() > before
                ? Optional.of(true) : Optional.empty());
        assertTrue(root.ticketsForConversation("x:" + id).isEmpty(), "spam never becomes a ticket");
        JsonNode listed = null;
        for (JsonNode m : admin("GET", "filtered?limit=50", null).path("messages")) {
            if (("x:" + id).equals(m.path("key").asText())) {
                listed = m;
            }
        }
        assertTrue(listed != null, "the filtered message is listed for a supervisor");
        assertTrue(listed.path("reasons").asText().contains("giveaway"), listed.toString());

        // Supervisors audit it in RT too: the day's digest ticket in Social Ops lists it with how to promote it.
        String digestQuery = "Queue = 'Social Ops' AND Subject LIKE 'Filtered as noise on'";
        Await.until("the filtered message in RT's noise digest", SOON, () -> {
            for (JsonNode item : root.get("/tickets?per_page=20&orderby=id&order=DESC&query=" + Rt.enc(digestQuery)).path("items")) {
                for (JsonNode txn : root.history(item.path("id").asLong())) {
                    String text = root.content(txn.path("id").asLong());
                    if (text != null && text.contains("x:" + id) && text.contains("socialcare:promote x:" + id)) {
                        return Optional.of(true);
                    }
                }
            }
            return Optional.empty();
        });

        // A supervisor who disagrees promotes it: it becomes a ticket like any other.
        admin("POST", "filtered/" + "x:" + id + "/promote", null);
        JsonNode t = root.ticket(ticketFor(id));
        assertTrue(Rt.field(t, "Social Priority") != null, "a promoted message is triaged for routing");
    }

    @Test
    @Order(4)
    void aBadRulesFileKeepsTheOldRulesAndAFixedOneIsLoaded() throws Exception {
        Path file = karaf.home.resolve("etc/socialcare-triage.yaml");
        String good = Files.readString(file, StandardCharsets.UTF_8);
        writeRules(good.replace("learnedCategoryConfidence: 0.6", "learnedCategoryConfidence: 0.6\nescalateTo: nobody"));

        JsonNode rules = Await.until("the bad rules file to be refused", SOON, () -> {
            JsonNode r = karaf.health().path("channels").path("triage-rules");
            return "failing".equals(r.path("state").asText()) ? Optional.of(r) : Optional.empty();
        });
        String problem = rules.path("lastError").asText();
        assertTrue(problem.contains("escalateTo") && problem.matches("(?s).*:\\d+:\\d+.*"), "names the key and its line: " + problem);
        assertTrue(karaf.log().contains("rejected; the previous rules stay in force"), "one clear log line");

        // The old rules are still in force: a complaint is still P1 within 30 minutes.
        String handle = "fox_" + RUN;
        x.customer(handle, "Fox Mulder", 12, false);
        Instant wrote = Instant.now();
        JsonNode t = root.ticket(ticketFor(x.tweet(handle, "@acme my refund " + RUN + " is late again, this is terrible", null)));
        assertEquals("P1", Rt.field(t, "Social Priority"));
        assertDue(t, wrote, Duration.ofMinutes(30));

        // Fixed, with a tighter P1 target: loaded within seconds, and the next ticket follows it.
        writeRules(good.replace("P1: { respondWithin: 30m", "P1: { respondWithin: 10m"));
        Await.until("the fixed rules to load", SOON, () -> "running".equals(karaf.health().path("channels").path("triage-rules")
                .path("state").asText()) ? Optional.of(true) : Optional.empty());
        wrote = Instant.now();
        t = root.ticket(ticketFor(x.tweet(handle, "@acme still no refund " + RUN + ", very disappointed", null)));
        assertEquals("P1", Rt.field(t, "Social Priority"));
        assertDue(t, wrote, Duration.ofMinutes(10));
    }

    @Test
    @Order(5)
    void anAgentsCorrectionInRtIsLearnt() throws Exception {
        String handle = "gina_" + RUN;
        x.customer(handle, "Gina Linetti", 40, false);
        long ticket = ticketFor(x.tweet(handle, "@acme the app keeps logging me out " + RUN, null));
        long before = karaf.health().path("triageLabels").asLong();

        agent.send("PUT", "/ticket/" + ticket, Rt.JSON.createObjectNode().set("CustomFields",
                Rt.JSON.createObjectNode().put("Social Category", "Account")));

        Await.until("the correction to be learnt", SOON, () -> karaf.health().path("triageLabels").asLong() > before
                ? Optional.of(true) : Optional.empty());
        assertTrue(karaf.log().contains("Triage learnt from ticket " + ticket + ": Social Category = Account"), karaf.logTail());

        // An administrator imports a labelled CSV from the shell; importing it twice learns nothing new.
        Path csv = karaf.home.resolve("labels.csv");
        Files.writeString(csv, "text,sentiment,category\n\"@acme my invoice is wrong, again\",negative,Booking and Billing\n"
                + "\"@acme thanks, all sorted\",positive,Other\n", StandardCharsets.UTF_8);
        String imported = karaf.shell("socialcare:learn " + csv);
        assertTrue(imported.contains("Learnt 2 new labelled messages"), imported);
        assertTrue(karaf.shell("socialcare:learn " + csv).contains("Learnt 0 new"), "idempotent");
        assertTrue(karaf.health().path("triageLabels").asLong() >= before + 3, karaf.health().toString());
    }
}
