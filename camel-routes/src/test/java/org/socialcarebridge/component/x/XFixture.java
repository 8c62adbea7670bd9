package org.socialcarebridge.component.x;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
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
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * The X tests' world, fresh for each test: the X simulator on a free port with the brand {@code acme},
 * a started CamelContext with the x component on it (listening into an in-memory ledger, pages of 10
 * mentions), and the calls a customer or the test makes to the simulator.
 * <pre>
 * &#64;RegisterExtension
 * final XFixture x = new XFixture();
 * </pre>
 * The extension runs before the test class's own {@code @BeforeEach}, so a test may add its routes there.
 */
public final class XFixture implements BeforeEachCallback, AfterEachCallback {
    /** The brand account's token on the simulator. */
    public static final String TOKEN = "brand-secret";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient customers = HttpClient.newHttpClient();
    private final String consumerSecret = "consumer-secret-" + UUID.randomUUID();
    private XSimulator sim;
    private Database db;
    private Health health;
    private Intake intake;
    private DefaultCamelContext camel;
    private XComponent component;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        sim = XSimulator.start(0, "acme", TOKEN, consumerSecret);
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        health = new Health();
        // The intake records into the ledger only; filing (the host's side) is tested in the domain.
        intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        camel = new DefaultCamelContext();
        component = listening(camel, configuration(Map.of()));
        camel.addComponent("x", component);
        camel.start();
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

    /** The simulator's brand with its token, pages of 10 mentions, and {@code more} settings on top. */
    public XConfiguration configuration(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("baseUrl", sim.baseUrl(), "bearerToken", TOKEN,
                "brandHandle", "acme", "maxResults", "10"));
        values.putAll(more);
        return XConfiguration.from(XSettings.from(values));
    }

    /** An x component for {@code on}, its API calls through that context, listening into this ledger. */
    public XComponent listening(CamelContext on, XConfiguration configuration) {
        XComponent x = new XComponent(configuration, new XApi(new HttpCall(on), configuration, json));
        x.setListening(new Listening(Network.X, intake, db, health.channel("x"), Clock.systemUTC()));
        return x;
    }

    /** The two feeds of the x component on the context, polled by hand into the intake. */
    public HandPoll handPoll() throws Exception {
        return handPoll(camel);
    }

    /** The same on another context, which has an x component of its own. */
    public HandPoll handPoll(CamelContext on) throws Exception {
        return new HandPoll(on, intake).feed("x:mentions", "x-mentions").feed("x:directMessages", "x-direct-messages");
    }

    /** A call to the simulator as {@code bearer} ({@code sim-user:<handle>} for a customer, null for its admin paths). */
    public JsonNode call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = customers.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    /** A customer's post; answers its id. */
    public String tweet(String handle, String text) throws Exception {
        return call("POST", "/2/tweets", "sim-user:" + handle, json.createObjectNode().put("text", text).toString())
                .path("data").path("id").asText();
    }

    /** What the simulator was asked, oldest first. */
    public List<JsonNode> requests() throws Exception {
        JsonNode all = call("GET", "/sim/requests", null, null);
        return json.convertValue(all, json.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    /** The ledger's entry for an X post or direct message, or null. */
    public LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "x:" + id));
    }

    /** The X app's consumer secret the simulator signs its webhooks and checks CRCs with. */
    public String consumerSecret() {
        return consumerSecret;
    }

    public XSimulator sim() {
        return sim;
    }

    public DefaultCamelContext camel() {
        return camel;
    }

    public XComponent component() {
        return component;
    }

    public Database db() {
        return db;
    }

    public Health health() {
        return health;
    }

    public Intake intake() {
        return intake;
    }

    public ObjectMapper json() {
        return json;
    }
}
