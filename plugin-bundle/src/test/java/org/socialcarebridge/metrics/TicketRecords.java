package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.FollowUpRecords;
import org.socialcarebridge.followup.Resolution;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.PostedReplies;
import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Signals;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageRecord;

/** Writes the records intake, outbox and follow-ups leave for a ticket, straight into a test database. */
final class TicketRecords {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 10, false);

    private final Database db;

    TicketRecords(Database db) {
        this.db = db;
    }

    /** What triage decided for a message. */
    record Triaged(Sentiment sentiment, Tier tier, Instant due, String category) {
        static Triaged of(Sentiment sentiment) {
            return new Triaged(sentiment, Tier.P2, null, null);
        }
    }

    /** A customer message written, received and filed on the ticket at one instant. */
    String message(long ticket, String id, Instant at, Triaged triaged) {
        return message(ticket, id, at, at, at, triaged);
    }

    /**
     * A customer message filed on the ticket, with triage's record of it (none when {@code triaged} is null).
     * Answers its ledger key.
     */
    String message(long ticket, String id, Instant written, Instant received, Instant filed, Triaged triaged) {
        return message(ticket, id, written, received, filed, triaged, Network.X);
    }

    String message(long ticket, String id, Instant written, Instant received, Instant filed, Triaged triaged, Network network) {
        SocialIdentity author = new SocialIdentity(network, "2001", "alice", "Alice", null, 10, false);
        InboundMessage m = new InboundMessage(network, id, author, "@acme my flight " + id, written, null, "c" + ticket,
                Visibility.PUBLIC, null);
        Conversation conversation = new Conversation(network.key() + ":c" + ticket, ticket, author, filed);
        db.writing(em -> {
            LedgerEntry e = LedgerEntry.received(m, received);
            e.filed(conversation, filed);
            em.persist(e);
            if (triaged != null) {
                em.persist(TriageRecord.of(m.key(), decision(triaged), filed));
            }
        });
        return m.key();
    }

    /** A customer message received at {@code at} and not filed yet: it waits for a ticket. Answers its ledger key. */
    String waiting(String id, Instant at) {
        InboundMessage m = new InboundMessage(Network.X, id, ALICE, "@acme still waiting " + id, at, null, "w" + id,
                Visibility.PUBLIC, null);
        db.writing(em -> em.persist(LedgerEntry.received(m, at)));
        return m.key();
    }

    /** Files a waiting message on the ticket at {@code at}, as the intake does once the help desk answers. */
    void file(String key, long ticket, Instant at) {
        db.writing(em -> em.find(LedgerEntry.class, key).filed(new Conversation("x:c" + ticket, ticket, ALICE, at), at));
    }

    /** A message triage filtered as noise at {@code at}. */
    void filtered(String id, Instant at) {
        InboundMessage m = new InboundMessage(Network.X, id, ALICE, "win a free phone", at, null, null, Visibility.PUBLIC, null);
        db.writing(em -> {
            LedgerEntry e = LedgerEntry.received(m, at);
            e.filter("giveaway", at);
            em.persist(e);
        });
    }

    static TriageDecision decision(Triaged t) {
        Signals signals = new Signals(List.of(), ContactType.COMPLAINT, t.sentiment(), 0, "lexicon", "en", List.of(), 10,
                false, false, List.of(), null);
        return new TriageDecision(signals, true, "Social", null, 50, t.tier(), t.category(), false, t.due(), List.of(),
                "test decision");
    }

    /** An agent reply whose post reached the customer at {@code at}. */
    void reply(long ticket, long transaction, String agent, Instant at) {
        db.writing(em -> em.persist(PostedReplies.posted(ticket, transaction, agent, at)));
    }

    /** An agent reply held for approval: it never reached the customer. */
    void heldReply(long ticket, long transaction, String agent, Instant at) {
        db.writing(em -> em.persist(PostedReplies.held(ticket, transaction, agent, at)));
    }

    Resolution resolve(long ticket, long transaction, String by, Instant at) {
        Resolution r = new Resolution(transaction, ticket, at, by, at);
        db.writing(em -> em.persist(r));
        return r;
    }

    void reopen(long resolutionTransaction, Instant at) {
        db.writing(em -> FollowUpRecords.reopen(em.find(Resolution.class, resolutionTransaction), at, at));
    }

    void surveyAnswered(Resolution r, Integer score, Instant at) {
        db.writing(em -> em.persist(FollowUpRecords.answeredSurvey(r, "x:c" + r.ticketId(), score, String.valueOf(score), at)));
    }

    void surveySent(Resolution r, Instant at) {
        db.writing(em -> em.persist(FollowUpRecords.sentSurvey(r, "x:c" + r.ticketId(), at)));
    }
}
