package org.socialcarebridge.component.instagram;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * What the webhook and recovery tests share: an in-memory ledger behind an intake that records only (filing
 * is the domain's, tested there), and the account's Graph calls against a {@link FakeGraph}.
 */
abstract class LedgerAndGraphDouble {
    static final String ACCOUNT = FakeGraph.ACCOUNT;

    final ObjectMapper json = new ObjectMapper();
    final DefaultCamelContext camel = new DefaultCamelContext();
    FakeGraph graph;
    Database db;
    Intake intake;
    InstagramApi api;

    @BeforeEach
    void startLedgerAndGraph() throws Exception {
        graph = new FakeGraph();
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        camel.start();
        api = new InstagramApi(new HttpCall(camel), graph.configuration(), json);
    }

    @AfterEach
    void stopLedgerAndGraph() throws Exception {
        camel.close();
        graph.close();
        db.close();
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "instagram:" + id));
    }

    long ledgerSize() {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e", Long.class).getSingleResult());
    }
}
