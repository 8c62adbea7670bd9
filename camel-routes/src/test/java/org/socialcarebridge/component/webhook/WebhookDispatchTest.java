package org.socialcarebridge.component.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;

/** The Meta webhook's hand-over by {@code object}: parsed once, to the channel that took it, else kept as a dead letter. */
class WebhookDispatchTest {
    final ObjectMapper json = new ObjectMapper();
    Database db;
    WebhookDispatch dispatch;

    @BeforeEach
    void start() {
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        dispatch = new WebhookDispatch(new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC()), json);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    static WebhookDelivery delivery(String body) {
        return new WebhookDelivery("meta", body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    @Test
    void eachObjectGoesToTheHandlerThatTookItParsed() throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        dispatch.take("page", (d, root) -> {
            pages.add(root);
            return new WebhookReceipt(1, 1);
        });
        WebhookReceipt r = dispatch.receive(delivery("{\"object\":\"page\",\"entry\":[{\"id\":\"1\"}]}"));

        assertEquals(1, r.fresh());
        assertEquals("1", pages.get(0).at("/entry/0/id").asText());
        assertEquals(0, deadLetters(), "a taken delivery is the handler's to keep");
    }

    @Test
    void aLateReleaseNeverRemovesTheHandlerThatTookTheObjectSince() throws Exception {
        WebhookObjectHandler old = (d, root) -> new WebhookReceipt(0, 0);
        WebhookObjectHandler current = (d, root) -> new WebhookReceipt(1, 1);
        dispatch.take("page", old);
        dispatch.take("page", current);
        dispatch.release("page", old);
        assertEquals(Set.of("page"), dispatch.objects());
        assertEquals(1, dispatch.receive(delivery("{\"object\":\"page\",\"entry\":[]}")).fresh());
        dispatch.release("page", current);
        assertEquals(Set.of(), dispatch.objects());
    }

    @Test
    void whatNoChannelTakesOrNobodyCanReadIsOneDeadLetterEach() throws Exception {
        String instagram = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"9\"}]}";
        assertEquals(1, dispatch.receive(delivery(instagram)).fresh());
        assertTrue(dispatch.receive(delivery(instagram)).allSeenBefore(), "Meta's retry of the same bytes is the same letter");
        assertEquals(1, dispatch.receive(delivery("{\"object\":\"page\",\"entry\":[]}")).fresh(), "page while Facebook is away");
        assertEquals(1, dispatch.receive(delivery("{\"entry\":[")).fresh());
        assertEquals(1, dispatch.receive(delivery("[1,2]")).fresh());
        assertEquals(4, deadLetters());
        LedgerEntry page = db.read(em -> em.createQuery("select e from LedgerEntry e where e.text like :t", LedgerEntry.class)
                .setParameter("t", "%\"page\"%").getSingleResult());
        assertSame(WebhookDispatch.META, page.network());
        assertEquals(LedgerState.DEAD_LETTER, page.state());
        assertTrue(page.lastError().contains("'page' (running: none)") && page.lastError().contains("Facebook channel"),
                page.lastError());
    }

    @Test
    void aHandlerThatFailsFailsTheDelivery() {
        dispatch.take("page", (d, root) -> {
            throw new IllegalStateException("database down");
        });
        assertThrows(IllegalStateException.class, () -> dispatch.receive(delivery("{\"object\":\"page\",\"entry\":[]}")),
                "nothing is taken for kept: the receiver answers 500 and Meta sends it again");
        assertEquals(0, deadLetters());
    }

    long deadLetters() {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e", Long.class).getSingleResult());
    }
}
