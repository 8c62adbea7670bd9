package org.socialcarebridge.export;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.FollowUpKind;
import org.socialcarebridge.followup.FollowUpRecords;
import org.socialcarebridge.followup.Resolution;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.PostedReplies;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.TriageRecord;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.TriageRules;

/**
 * November 2026 in the plugin's records, through the real entities: a customer's complaint filed and
 * triaged, the agent's Move to private (two posts), noise, an ignored post, a dead letter, a message
 * waiting to be filed whose text and author would be spreadsheet formulas, a closing and an answered
 * survey, a post of the plugin's no record explains, two messages written in the same instant, and
 * messages on each side of the window's edges.
 */
public final class SeededMessages {
    public static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    /** Quotes, commas, line breaks (LF and CRLF), emoji outside the BMP, accents. */
    public static final String TRICKY = "He said \"no\", then left.\nStill waiting, 3 days 😡🙄 — café, naïve\r\nline 3";
    public static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public static final String ANGRY_ANSWER = "2 - meh, =still slow";

    /** The ledger keys the export must give, in its order (created_at, then key). */
    public static final List<String> IN_ORDER = List.of("x:1000", "x:9001", "x:9002", "x:1001", "x:1002",
            "mastodon:777", "x:1003", "x:9003", "x:9004", "x:9999", "x:1999", "x:2000", "x:last");

    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice Example", "https://x.com/alice", 120, false);
    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "freestuff", "Free Stuff", null, 3, false);
    static final SocialIdentity BRAND = new SocialIdentity(Network.X, "1", "acme", "Acme", null, 50000, true);
    static final SocialIdentity CAROL = new SocialIdentity(Network.MASTODON, "m-3", "carol@mastodon.example", "Carol", null, 10, false);
    static final SocialIdentity EVE = new SocialIdentity(Network.X, "2005", "@eve", "+SUM(A1:A9)", null, 0, false);

    private SeededMessages() {
    }

    public static void seed(Database db) {
        Triage triage = new Triage(TriageRules::defaults, new TextModel());
        db.writing(em -> {
            inbound(em, triage, message(ALICE, "before", "@acme written before the window, received in it",
                    "2026-10-31T23:59:59Z", Visibility.PUBLIC), "2026-11-01T00:00:05Z");

            Conversation alice = new Conversation("x:1000", 101, ALICE, FROM);
            em.persist(alice);
            LedgerEntry complaint = inbound(em, triage, message(ALICE, "1000", TRICKY, "2026-11-01T00:00:00Z", Visibility.PUBLIC),
                    "2026-11-01T00:00:02Z");
            complaint.filed(alice, Instant.parse("2026-11-01T00:00:03Z"));

            Instant replied = Instant.parse("2026-11-01T09:30:00Z");
            em.persist(PostedReplies.posted(new AgentReply(101, 5001, "alex", "Sorry! Let's look at it in private.",
                    ReplyVisibility.TO_PRIVATE), replied, new PostedMessage("9001", "https://x.com/acme/status/9001"),
                    new PostedMessage("9002", null)));
            em.persist(LedgerEntry.posted(Network.X, "9001", alice, "@alice We want to fix this. We've sent you a DM.", replied));
            em.persist(LedgerEntry.posted(Network.X, "9002", alice, "Sorry! Let's look at it in private. ^AA", replied));

            inbound(em, triage, message(BOB, "1001", "Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest",
                    "2026-11-02T08:00:00Z", Visibility.PUBLIC), "2026-11-02T08:00:01Z")
                    .filter("giveaway: follow and RT to win; 4 hashtags", Instant.parse("2026-11-02T08:00:01Z"));
            inbound(em, null, message(BRAND, "1002", "RT @acme: our winter sale starts today", "2026-11-02T09:00:00Z",
                    Visibility.PUBLIC), "2026-11-02T09:00:01Z")
                    .ignore("the brand's own post", Instant.parse("2026-11-02T09:00:01Z"));
            inbound(em, triage, message(CAROL, "777", "my parcel never came", "2026-11-03T12:00:00Z", Visibility.PRIVATE),
                    "2026-11-03T12:00:01Z").deadLetter("RT refused the ticket: no queue Social", Instant.parse("2026-11-03T12:00:02Z"));
            inbound(em, triage, message(EVE, "1003", FORMULA, "2026-11-04T10:00:00Z", Visibility.PUBLIC), "2026-11-04T10:00:01Z");

            Resolution resolved = new Resolution(6001, 101, Instant.parse("2026-11-05T09:55:00Z"), "alex",
                    Instant.parse("2026-11-05T09:55:00Z"));
            em.persist(resolved);
            Instant closed = Instant.parse("2026-11-05T10:00:00Z");
            em.persist(FollowUpRecords.sent(resolved, FollowUpKind.CLOSING, alice, "9003", "https://x.com/acme/status/9003",
                    "@alice Glad we got things fixed!", closed));
            em.persist(LedgerEntry.posted(Network.X, "9003", alice, "@alice Glad we got things fixed!", closed));
            Instant surveyed = Instant.parse("2026-11-05T10:05:00Z");
            em.persist(FollowUpRecords.answered(resolved, alice, "9004", null, "How did we do? Answer 1-5", surveyed, 2,
                    ANGRY_ANSWER, Instant.parse("2026-11-05T11:00:00Z")));
            em.persist(LedgerEntry.posted(Network.X, "9004", alice, "How did we do? Answer 1-5", surveyed));

            em.persist(LedgerEntry.posted(Network.X, "9999", alice, "a post no reply or follow-up explains",
                    Instant.parse("2026-11-06T00:00:00Z")));

            inbound(em, triage, message(ALICE, "2000", "@acme second of two at the same instant", "2026-11-07T00:00:00Z",
                    Visibility.PUBLIC), "2026-11-07T00:00:01Z").filed(alice, Instant.parse("2026-11-07T00:00:02Z"));
            inbound(em, triage, message(ALICE, "1999", "@acme first of two at the same instant", "2026-11-07T00:00:00Z",
                    Visibility.PUBLIC), "2026-11-07T00:00:01Z").filed(alice, Instant.parse("2026-11-07T00:00:02Z"));
            inbound(em, triage, message(ALICE, "last", "@acme the last second of November", "2026-11-30T23:59:59Z",
                    Visibility.PUBLIC), "2026-12-01T00:00:01Z");
            inbound(em, triage, message(ALICE, "at-to", "@acme the first second of December", "2026-12-01T00:00:00Z",
                    Visibility.PUBLIC), "2026-12-01T00:00:01Z");
        });
    }

    static InboundMessage message(SocialIdentity author, String id, String text, String createdAt, Visibility visibility) {
        return new InboundMessage(author.network(), id, author, text, Instant.parse(createdAt),
                id.equals("1000") ? null : "1000", "1000", visibility, "https://x.com/" + author.handle() + "/status/" + id);
    }

    /** Received into the ledger and, when a triage is given, triaged as intake does. */
    static LedgerEntry inbound(EntityManager em, Triage triage, InboundMessage m, String receivedAt) {
        Instant at = Instant.parse(receivedAt);
        LedgerEntry e = LedgerEntry.received(m, at);
        em.persist(e);
        if (triage != null) {
            em.persist(TriageRecord.of(m.key(), triage.decide(TriageInput.of(m, false), at), at));
        }
        return e;
    }
}
