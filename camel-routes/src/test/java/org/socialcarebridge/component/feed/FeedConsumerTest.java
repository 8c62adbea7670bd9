package org.socialcarebridge.component.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;

/**
 * The feed consumer never dies and never lets one item stop its page (the intake route dead-letters it);
 * ids order as numbers, never as 0.
 */
class FeedConsumerTest {
    static final SocialIdentity BRAND = new SocialIdentity(Network.X, "1", "acme", null, null, 0, false);
    static final SocialIdentity ANA = new SocialIdentity(Network.X, "2", "ana", null, null, 0, false);
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    final ObjectMapper json = new ObjectMapper();
    final Database db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    final Intake intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
    final Health health = new Health();

    final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
        db.close();
    }

    /** A feed read by {@code read}, on a component of its own, polled by hand into the intake route. */
    HandPoll poller(BiConsumer<SocialIdentity, FeedReading> read) throws Exception {
        Feed feed = new Feed() {
            @Override
            public String cursor() {
                return "test:feed";
            }

            @Override
            public void read(SocialIdentity brand, FeedReading reading) {
                read.accept(brand, reading);
            }
        };
        Listening listening = new Listening(Network.X, intake, db, health.channel("x"), Clock.systemUTC());
        camel.addComponent("feed", new DefaultComponent() {
            @Override
            protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
                ScheduledPollEndpoint endpoint = new ScheduledPollEndpoint(uri, this) {
                    @Override
                    public Producer createProducer() {
                        throw new UnsupportedOperationException("a feed is read, not sent to");
                    }

                    @Override
                    public Consumer createConsumer(Processor processor) throws Exception {
                        FeedConsumer consumer = new FeedConsumer(this, processor, feed, listening, () -> BRAND);
                        configureConsumer(consumer);
                        return consumer;
                    }
                };
                setProperties(endpoint, parameters);
                return endpoint;
            }
        });
        camel.start();
        return new HandPoll(camel, intake).feed("feed:test", "feed-test");
    }

    static InboundMessage message(String id, Instant at) {
        return new InboundMessage(Network.X, id, ANA, "@acme help " + id, at, null, null, Visibility.PUBLIC, null);
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "x:" + id));
    }

    static int depth(int n) {
        return n <= 0 ? 0 : 1 + depth(n - 1);
    }

    @Test
    void anErrorEvenAStackOverflowFailsThePollNotThePoller() throws Exception {
        int[] calls = {0};
        HandPoll poller = poller((brand, reading) -> {
            if (calls[0]++ == 0) {
                depth(Integer.MAX_VALUE);
            }
            reading.store(List.of(message("7", T)));
            reading.moveTo("test:feed", "7");
        });
        assertEquals(0, poller.poll());
        assertEquals("failing", health.channel("x").toMap().get("state"));
        assertTrue(String.valueOf(health.channel("x").toMap()).contains("StackOverflowError"),
                health.channel("x").toMap().toString());
        assertEquals(1, poller.poll(), "the next poll works");
        assertEquals("running", health.channel("x").toMap().get("state"));
        assertEquals("7", db.cursor("test:feed"));
    }

    @Test
    void anUnreadableItemInTheMiddleOfAPageIsDeadLetteredAndThePageGoesOn() throws Exception {
        JsonNode page = json.readTree("[{\"id\":\"10\"},{\"id\":\"11\",\"deep\":true},{\"id\":\"12\"},{\"text\":\"no id\"}]");
        HandPoll poller = poller((brand, reading) -> {
            List<InboundMessage> found = new ArrayList<>();
            for (JsonNode item : page) {
                InboundMessage m = reading.read(item.path("id").asText(null), item, i -> {
                    if (i.has("deep")) {
                        depth(Integer.MAX_VALUE); // what a recursive parser does with hostile nesting
                    }
                    if (!i.has("id")) {
                        throw new IllegalArgumentException("a post without an id");
                    }
                    return message(i.get("id").asText(), T.plusSeconds(i.get("id").asLong()));
                });
                if (m != null) {
                    found.add(m);
                }
            }
            reading.store(found);
            reading.moveTo("test:feed", "12");
        });
        assertEquals(2, poller.poll());
        assertEquals(LedgerState.RECEIVED, entry("10").state());
        assertEquals(LedgerState.RECEIVED, entry("12").state());
        LedgerEntry deep = entry("11");
        assertEquals(LedgerState.DEAD_LETTER, deep.state());
        assertEquals("{\"id\":\"11\",\"deep\":true}", deep.text());
        assertTrue(deep.lastError().contains("StackOverflowError"), deep.lastError());
        long hashed = db.read(em -> em.createQuery("select count(e) from LedgerEntry e where e.messageId like 'unreadable-%'"
                + " and e.state = :s", Long.class).setParameter("s", LedgerState.DEAD_LETTER).getSingleResult());
        assertEquals(1, hashed, "the item without an id is kept under the hash of what arrived");
        assertEquals("12", db.cursor("test:feed"));
        assertEquals(0, poller.poll(), "a re-read records nothing twice");
    }

    @Test
    void aMessageWithAnOverlongHandleIsStoredWithItsNeighbours() throws Exception {
        InboundMessage tooLong = new InboundMessage(Network.X, "21", new SocialIdentity(Network.X, "3", "h".repeat(300), null,
                null, 0, false), "hi", T, null, null, Visibility.PUBLIC, null);
        HandPoll poller = poller((brand, reading) -> reading.store(List.of(message("20", T), tooLong,
                message("22", T.plusSeconds(2)))));
        assertEquals(3, poller.poll());
        assertEquals(LedgerState.RECEIVED, entry("20").state());
        assertEquals(LedgerState.RECEIVED, entry("22").state());
        assertEquals(LedgerState.RECEIVED, entry("21").state());
        assertEquals(SocialIdentity.HANDLE_LENGTH, entry("21").message().author().handle().length(), "cut to its column");
    }

    @Test
    void idsOrderAsNumbersAndANonNumericIdIsNeverZero() {
        List<String> ids = new ArrayList<>(List.of("abc", "10", "9", "", "18446744073709551616", "0"));
        ids.sort(Feed.ID_ORDER);
        assertEquals(List.of("0", "9", "10", "18446744073709551616", "", "abc"), ids);
        assertTrue(Feed.newer("10", "9"));
        assertTrue(Feed.newer("abc", "0"));
        assertTrue(Feed.ID_ORDER.compare("abc", "abd") != 0);
    }

    @Test
    void anOddIdIsSortedAndStoredLikeAnyOther() throws Exception {
        List<String> received = new ArrayList<>();
        HandPoll poller = poller((brand, reading) -> reading.store(List.of(message("x-1", T), message("10", T),
                message("9", T), message("1", T.minusSeconds(1)))));
        poller.poll();
        db.read(em -> em.createQuery("select e.messageId from LedgerEntry e order by e.receivedAt, e.messageId",
                String.class).getResultList()).forEach(received::add);
        assertEquals(4, received.size());
        assertEquals(Set.of("1", "9", "10", "x-1"), Set.copyOf(received));
    }
}
