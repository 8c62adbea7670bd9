package org.socialcarebridge.component.mastodon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;

/**
 * The Mastodon tests' world, fresh for each test: the Mastodon simulator on a free port with the brand
 * {@code acme}, a started CamelContext with the mastodon component on it listening into an in-memory
 * ledger, its feed polled by hand, and the calls a customer makes to the simulator.
 * <pre>
 * &#64;RegisterExtension
 * final MastodonFixture mastodon = new MastodonFixture(Map.of("limit", "2"));
 * </pre>
 */
public final class MastodonFixture implements BeforeEachCallback, AfterEachCallback {
    /** The brand account's token on the simulator. */
    public static final String TOKEN = "brand-secret";

    private final Map<String, String> settings;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient customers = HttpClient.newHttpClient();
    private MastodonSimulator sim;
    private Database db;
    private Health health;
    private Intake intake;
    private DefaultCamelContext camel;
    private MastodonComponent component;
    private HandPoll poller;

    public MastodonFixture() {
        this(Map.of());
    }

    /** @param settings the component's settings on top of the simulator's address and the brand's token */
    public MastodonFixture(Map<String, String> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        sim = MastodonSimulator.start(0, "acme", TOKEN, 1);
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        health = new Health();
        // The intake records into the ledger only; filing (the host's side) is tested in the domain.
        intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        camel = new DefaultCamelContext();
        camel.start();
        Map<String, String> values = new HashMap<>(Map.of("baseUrl", sim.baseUrl(), "accessToken", TOKEN));
        values.putAll(settings);
        MastodonConfiguration configuration = MastodonConfiguration.from(MastodonSettings.from(values));
        component = new MastodonComponent(configuration, new MastodonApi(new HttpCall(camel), configuration, json));
        component.setListening(new Listening(Network.MASTODON, intake, db, health.channel("mastodon"), Clock.systemUTC()));
        camel.addComponent("mastodon", component);
        poller = new HandPoll(camel, intake).feed("mastodon:mentions", "mastodon-mentions");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (db != null) {
            db.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** A customer's status; answers its id. */
    public String post(String acct, String text, String visibility, String inReplyTo) throws Exception {
        var body = json.createObjectNode().put("status", text).put("visibility", visibility);
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        return json.readTree(send("/api/v1/statuses", "sim-user:" + acct, body.toString()).body()).path("id").asText();
    }

    /** A POST to the simulator as {@code bearer} ({@code sim-user:<acct>} for a customer, null for its admin paths). */
    public HttpResponse<String> send(String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return customers.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ledger's entry for a Mastodon status, or null. */
    public LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "mastodon:" + id));
    }

    /** The component's feed, polled by hand into the intake. */
    public HandPoll poller() {
        return poller;
    }

    public MastodonSimulator sim() {
        return sim;
    }

    public DefaultCamelContext camel() {
        return camel;
    }

    public MastodonComponent component() {
        return component;
    }

    public Database db() {
        return db;
    }

    public Intake intake() {
        return intake;
    }

    public Health health() {
        return health;
    }

    public ObjectMapper json() {
        return json;
    }

    /** For the calls no helper makes. */
    public HttpClient customers() {
        return customers;
    }
}
