package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.AfterCare;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.engine.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice A", "https://x.com/alice", 120, false);
    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "bob", "Bob", null, 5, false);
    static final SocialIdentity BRAND = new SocialIdentity(Network.X, "1000", "acme", "Acme", null, 9000, true);

    static final java.time.Duration WINDOW = java.time.Duration.ofDays(7);
    final RecordingHost host = new RecordingHost();
    Database db = TestDatabase.open();
    Intake intake = new Intake(db, host, host, Set.of(BRAND.key()), WINDOW, Clock.systemUTC());

    @AfterEach
    void close() {
        db.close();
    }

    static InboundMessage tweet(String id, SocialIdentity author, String text, String inReplyTo, String conversation) {
        return new InboundMessage(Network.X, id, author, text, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(Long.parseLong(id)),
                inReplyTo, conversation, Visibility.PUBLIC, "https://x.com/" + author.handle() + "/status/" + id);
    }

    @Test
    void newMentionOpensOneTicketWithTheCustomerAndFields() {
        assertEquals(1, intake.receive(List.of(tweet("10", ALICE, "@acme my order never arrived", null, "10"))));
        Intake.FilingReport report = intake.filePending(10);
        assertEquals(1, report.filed());
        var ticket = host.tickets.get(1L);
        assertEquals("X: my order never arrived", ticket.subject());
        assertEquals("x:2001", ticket.requestor().id());
        assertEquals("@alice", ticket.customFields().get(TicketField.HANDLE));
        assertEquals("x:10", ticket.customFields().get(TicketField.CONVERSATION));
        assertTrue(ticket.content().contains("https://x.com/alice/status/10"), ticket.content());
    }

    @Test
    void aNewTicketNamesItsChannelsReplyChoicesForTheReplyForm() {
        assertEquals(Set.of(), fileOne(intake).replyChoices(), "no channel known: the form offers every choice");

        Intake withChannels = new Intake(db, host, host, Set.of(), WINDOW, Triage.withDefaults(), AfterCare.NONE,
                SampleChannels.BOTH, Clock.systemUTC());
        assertEquals(EnumSet.allOf(ReplyVisibility.class), fileOne(withChannels).replyChoices());

        SampleChannels.Described x = (SampleChannels.Described) SampleChannels.X;
        Channel publicOnly = new SampleChannels.Described(Network.X, x.receives(), x.publicReplies(), Optional.empty(),
                x.duplicates(), x.identities());
        Intake withPublicOnly = new Intake(db, host, host, Set.of(), WINDOW, Triage.withDefaults(), AfterCare.NONE,
                Channels.of(publicOnly), Clock.systemUTC());
        assertEquals(Set.of(ReplyVisibility.PUBLIC), fileOne(withPublicOnly).replyChoices());
    }

    @Test
    void howAMessageWasWrittenIsShownInTheDesksWords() {
        RecordingHost desk = new RecordingHost() {
            @Override
            public String choice(ReplyVisibility visibility) {
                return "desk:" + visibility.name();
            }
        };
        Intake into = new Intake(db, desk, desk, Set.of(), WINDOW, Clock.systemUTC());
        into.receive(List.of(tweet("10", ALICE, "@acme my order never arrived", null, "10")));
        into.filePending(10);
        assertEquals("desk:PUBLIC", desk.tickets.get(1L).messageFields().get(MessageField.REPLY_VISIBILITY));
    }

    /** Files a new mention from a customer of its own, and answers the ticket opened for it. */
    private NewTicket fileOne(Intake into) {
        String id = String.valueOf(100 + host.tickets.size());
        into.receive(List.of(tweet(id, new SocialIdentity(Network.X, "3" + id, "c" + id, "C", null, 1, false),
                "@acme where is my parcel", null, id)));
        assertEquals(1, into.filePending(10).filed());
        return host.tickets.get((long) host.tickets.size());
    }

    @Test
    void repollingTheSameMessagesNeverDuplicates() {
        var m = tweet("10", ALICE, "@acme help", null, "10");
        intake.receive(List.of(m));
        intake.filePending(10);
        assertEquals(0, intake.receive(List.of(m)));
        assertEquals(0, intake.filePending(10).filed());
        assertEquals(1, host.tickets.size());
    }

    @Test
    void replyInTheThreadJoinsTheTicketAsCorrespondence() {
        intake.receive(List.of(tweet("10", ALICE, "@acme help", null, "10")));
        intake.filePending(10);
        intake.receive(List.of(tweet("11", BOB, "@acme @alice same here", "10", "10"), tweet("12", ALICE, "@acme still broken", "11", "10")));
        assertEquals(2, intake.filePending(10).filed());
        assertEquals(1, host.tickets.size());
        assertEquals(List.of("10", "11", "12"), host.messages.get(1L));
        Conversation c = db.read(em -> em.find(Conversation.class, "x:10"));
        assertEquals("12", c.lastPublicCustomerMessageId());
    }

    @Test
    void brandsOwnPostsAreRecordedButNeverTicketed() {
        intake.receive(List.of(tweet("20", BRAND, "@acme is hiring", null, "20")));
        assertEquals(0, intake.filePending(10).filed());
        assertTrue(host.tickets.isEmpty());
        assertEquals(LedgerState.IGNORED, db.read(em -> em.find(LedgerEntry.class, "x:20")).state());
    }

    @Test
    void hostOutageKeepsMessagesAndFilesThemLater() {
        host.down = true;
        intake.receive(List.of(tweet("30", ALICE, "@acme one", null, "30"), tweet("31", BOB, "@acme two", null, "31")));
        var report = intake.filePending(10);
        assertEquals(0, report.filed());
        assertEquals(2, report.waiting());
        assertNotNull(report.error());
        host.down = false;
        assertEquals(2, intake.filePending(10).filed());
        assertEquals(2, host.tickets.size());
    }

    @Test
    void crashAfterTheHostActedIsResolvedWithoutASecondTicket() {
        host.failAfterActing = true;
        intake.receive(List.of(tweet("40", ALICE, "@acme hello", null, "40")));
        intake.filePending(10);
        assertEquals(1, host.tickets.size());
        host.failAfterActing = false;
        assertEquals(1, intake.filePending(10).filed());
        assertEquals(1, host.tickets.size(), "the retry must find the ticket the first attempt created");
        assertEquals(List.of(1L), host.relabelled, "and label its first message, in case the crash came before that");

        host.failAfterActing = true;
        intake.receive(List.of(tweet("41", ALICE, "@acme again", "40", "40")));
        intake.filePending(10);
        host.failAfterActing = false;
        intake.filePending(10);
        assertEquals(List.of("40", "41"), host.messages.get(1L));
    }

    long opened() {
        return host.calls.stream().filter("open"::equals).count();
    }

    @Test
    void aHelpDeskSlowerThanTheTimeoutIsLookedUpUntilItsTicketAppearsNeverOpenedTwice() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        intake = new Intake(db, host, host, Set.of(), WINDOW, clock);
        host.slow = true;
        intake.receive(List.of(tweet("42", ALICE, "@acme my router is broken", null, "42")));
        assertNotNull(intake.filePending(10).error(), "the create timed out");
        for (int second = 1; second <= 35; second++) {
            clock.now = clock.now.plusSeconds(1);
            Intake.FilingReport waiting = intake.filePending(10);
            assertEquals(0, waiting.filed(), "RT may still be creating it: " + waiting.error());
        }
        assertEquals(1, opened(), "looked up, never asked to create it again");
        assertTrue(host.calls.contains("findConversation"));
        host.stillWriting.forEach(Runnable::run); // RT commits the ticket 35 s after it was asked
        assertEquals(1, intake.filePending(10).filed());
        assertEquals(1, host.tickets.size(), "one ticket for the conversation");
        assertEquals(1L, db.read(em -> em.find(LedgerEntry.class, "x:42")).ticketId());
    }

    @Test
    void aCreateTheHelpDeskNeverDidIsMadeAgainOnlyAfterThePatienceWindow() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        intake = new Intake(db, host, host, Set.of(), WINDOW, clock);
        host.slow = true;
        intake.receive(List.of(tweet("43", ALICE, "@acme hello", null, "43")));
        intake.filePending(10);
        host.slow = false;
        host.stillWriting.clear(); // the request died inside RT
        clock.now = clock.now.plus(Intake.HOST_PATIENCE).minusSeconds(1);
        assertEquals(0, intake.filePending(10).filed());
        assertEquals(1, opened());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(1, intake.filePending(10).filed());
        assertEquals(2, opened(), "asked again once surely not coming");
        assertEquals(1, host.tickets.size());
    }

    @Test
    void aCreateRefusedBecauseTheHelpDeskWasDownNeedsNoPatience() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        intake = new Intake(db, host, host, Set.of(), WINDOW, clock);
        host.failing.add("open"); // RT went down between looking the customer up and creating the ticket
        intake.receive(List.of(tweet("46", ALICE, "@acme hello", null, "46")));
        assertNotNull(intake.filePending(10).error());
        host.failing.clear();
        clock.now = clock.now.plusSeconds(1);
        assertEquals(1, intake.filePending(10).filed(), "the refused request wrote nothing: filed as soon as RT is back");
        assertEquals(1, host.tickets.size());
    }

    @Test
    void aCreateTheHelpDeskRefusedIsFiledAtOnceWhenRetriedAfterTheFix() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        intake = new Intake(db, host, host, Set.of(), WINDOW, clock);
        host.refuseOpening = true;
        intake.receive(List.of(tweet("47", ALICE, "@acme hello", null, "47")));
        assertEquals(1, intake.filePending(10).deadLettered());
        host.refuseOpening = false;
        new DeadLetters(db, clock).retry("x:47");
        clock.now = clock.now.plusSeconds(1);
        assertEquals(1, intake.filePending(10).filed(), "a refusal wrote nothing: no patience needed");
        assertEquals(1, host.tickets.size());
    }

    @Test
    void aSlowCorrespondenceIsLookedUpNotAddedTwice() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        intake = new Intake(db, host, host, Set.of(), WINDOW, clock);
        intake.receive(List.of(tweet("44", ALICE, "@acme hello", null, "44")));
        intake.filePending(10);
        host.slow = true;
        intake.receive(List.of(tweet("45", ALICE, "@acme still there?", "44", "44")));
        intake.filePending(10);
        clock.now = clock.now.plusSeconds(40);
        assertEquals(0, intake.filePending(10).filed());
        host.stillWriting.forEach(Runnable::run);
        assertEquals(1, intake.filePending(10).filed());
        assertEquals(List.of("44", "45"), host.messages.get(1L));
    }

    @Test
    void ledgerSurvivesReopeningTheDatabaseFile(@TempDir Path dir) {
        db.close();
        db = TestDatabase.file(dir);
        intake = new Intake(db, host, host, Set.of(), WINDOW, Clock.systemUTC());
        intake.receive(List.of(tweet("50", ALICE, "@acme persisted", null, "50")));
        db.close();
        db = TestDatabase.file(dir);
        intake = new Intake(db, host, host, Set.of(), WINDOW, Clock.systemUTC());
        assertEquals(0, intake.receive(List.of(tweet("50", ALICE, "@acme persisted", null, "50"))));
        assertEquals(1, intake.filePending(10).filed());
    }

    static InboundMessage dm(String id, SocialIdentity author, String text) {
        return new InboundMessage(Network.X, id, author, text, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(Long.parseLong(id)),
                null, "1000-" + author.accountId(), Visibility.PRIVATE, null);
    }

    @Test
    void directMessageJoinsTheCustomersOpenTicketMarkedPrivate() {
        intake.receive(List.of(tweet("70", ALICE, "@acme my order is late", null, "70")));
        intake.filePending(10);
        intake.receive(List.of(dm("71", ALICE, "my order number is 12345")));
        assertEquals(1, intake.filePending(10).filed());
        assertEquals(1, host.tickets.size(), "the DM joined the public conversation's ticket");
        String content = host.contents.get(1L).get(0);
        assertTrue(content.startsWith(Intake.PRIVATE_MARK), content);
        assertTrue(content.contains("in a direct message on X"), content);
        Conversation c = db.read(em -> em.find(Conversation.class, "x:70"));
        assertEquals("70", c.lastPublicCustomerMessageId(), "a DM is never the target of a public reply");
    }

    @Test
    void directMessageLongAfterTheTicketWasResolvedOpensANewLinkedTicket() {
        intake.receive(List.of(tweet("80", ALICE, "@acme help", null, "80")));
        intake.filePending(10);
        host.resolved.put(1L, Instant.now().minus(java.time.Duration.ofDays(8)));
        intake.receive(List.of(dm("81", ALICE, "hello again, new problem")));
        intake.filePending(10);
        assertEquals(2, host.tickets.size());
        assertEquals("X DM: hello again, new problem", host.tickets.get(2L).subject());
        assertTrue(host.tickets.get(2L).content().startsWith(Intake.PRIVATE_MARK));
        assertEquals("x:dm:81", host.tickets.get(2L).customFields().get(TicketField.CONVERSATION));
        assertEquals(1L, host.tickets.get(2L).refersTo(), "the new ticket refers to the old one");
        assertTrue(host.reopened.isEmpty());
    }

    @Test
    void customerWritingAgainWithinTheWindowReopensTheTicket() {
        intake.receive(List.of(tweet("100", ALICE, "@acme help", null, "100")));
        intake.filePending(10);
        host.resolved.put(1L, Instant.now().minus(java.time.Duration.ofDays(6)));
        intake.receive(List.of(tweet("101", ALICE, "@acme it broke again", "100", "100"), dm("102", ALICE, "and privately: ...")));
        assertEquals(2, intake.filePending(10).filed());
        assertEquals(1, host.tickets.size());
        assertEquals(List.of(1L), host.reopened, "reopened once, then open for the DM");
        assertEquals(List.of("100", "101", "102"), host.messages.get(1L));
    }

    @Test
    void threadReplyAfterTheWindowContinuesOnANewLinkedTicketAndLaterRepliesFollowIt() {
        intake.receive(List.of(tweet("110", ALICE, "@acme help", null, "110")));
        intake.filePending(10);
        host.resolved.put(1L, Instant.now().minus(java.time.Duration.ofDays(30)));
        intake.receive(List.of(tweet("111", ALICE, "@acme months later, same problem", "110", "110")));
        intake.filePending(10);
        assertEquals(2, host.tickets.size());
        assertEquals(1L, host.tickets.get(2L).refersTo());
        assertEquals("x:110", host.tickets.get(2L).customFields().get(TicketField.CONVERSATION));
        intake.receive(List.of(tweet("112", ALICE, "@acme any news?", "111", "110")));
        intake.filePending(10);
        assertEquals(List.of("111", "112"), host.messages.get(2L));
        assertEquals(2L, db.read(em -> em.find(Conversation.class, "x:110")).ticketId());
    }

    /** A network whose private messages keep to their own thread, as WhatsApp's per customer and business number. */
    static final Network CHAT = Network.declare("threadedchat", "Threaded Chat");
    static final Channel THREADED = new Channel() {
        @Override
        public Network network() {
            return CHAT;
        }

        @Override
        public Set<org.socialcarebridge.channel.Inbound> receives() {
            return Set.of();
        }

        @Override
        public Optional<org.socialcarebridge.channel.PublicReplies> publicReplies() {
            return Optional.empty();
        }

        @Override
        public Optional<org.socialcarebridge.channel.PrivateMessages> privateMessages() {
            return Optional.of(org.socialcarebridge.channel.PrivateMessages.toAccount(4096,
                    new org.socialcarebridge.channel.LengthRule(org.socialcarebridge.channel.LengthRule.Counting.CODE_POINTS, 1, false)));
        }

        @Override
        public boolean privateThreads() {
            return true;
        }

        @Override
        public org.socialcarebridge.channel.Duplicates duplicates() {
            return org.socialcarebridge.channel.Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN;
        }

        @Override
        public org.socialcarebridge.channel.Identities identities() {
            return new org.socialcarebridge.channel.Identities(15, false, null, false);
        }
    };

    static InboundMessage chat(String id, String number, String text) {
        SocialIdentity olga = new SocialIdentity(CHAT, "4915112345678", "4915112345678", "Olga", null, 0, false);
        return new InboundMessage(CHAT, "wamid." + id, olga, text, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(Long.parseLong(id)),
                null, number + ":" + olga.accountId(), Visibility.PRIVATE, null);
    }

    @Test
    void privateThreadsKeepOneTicketPerCustomerAndBusinessNumber() {
        Intake threaded = new Intake(db, host, host, Set.of(), WINDOW, Triage.withDefaults(), AfterCare.NONE,
                Channels.of(THREADED), Clock.systemUTC());
        threaded.receive(List.of(chat("1", "106000000000001", "where is my parcel?")));
        threaded.receive(List.of(chat("2", "106000000000002", "a question for your other shop")));
        threaded.receive(List.of(chat("3", "106000000000001", "order 12345")));
        assertEquals(3, threaded.filePending(10).filed());

        assertEquals(2, host.tickets.size(), "one ticket per customer and business number");
        assertEquals("threadedchat:106000000000001:4915112345678", host.tickets.get(1L).customFields().get(TicketField.CONVERSATION));
        assertEquals(List.of("wamid.1", "wamid.3"), host.messages.get(1L));
        assertEquals(List.of("wamid.2"), host.messages.get(2L));

        host.resolved.put(1L, Instant.now().minus(java.time.Duration.ofDays(30)));
        threaded.receive(List.of(chat("4", "106000000000001", "months later")));
        threaded.filePending(10);
        assertEquals(3, host.tickets.size());
        assertEquals(1L, host.tickets.get(3L).refersTo(), "the same thread goes on in a new ticket referring to the old");
        threaded.receive(List.of(chat("5", "106000000000001", "any news?")));
        threaded.filePending(10);
        assertEquals(List.of("wamid.4", "wamid.5"), host.messages.get(3L));
    }

    @Test
    void directMessageFromANewCustomerOpensATicketOthersDoNotJoin() {
        intake.receive(List.of(dm("90", BOB, "hi, private question")));
        intake.receive(List.of(tweet("91", ALICE, "@acme public one", null, "91")));
        intake.filePending(10);
        assertEquals(2, host.tickets.size(), "Alice's post does not join Bob's DM ticket");
    }

    @Test
    void aReplyToAPostThatCouldNotBeReadSaysSo() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        intake = new Intake(db, host, host, Set.of(), WINDOW, clock);
        intake.receive(List.of(tweet("120", BOB, "@acme look at this", "119", "119")));
        assertEquals(0, intake.filePending(10).filed(), "it waits a little for the post it answers");
        clock.now = clock.now.plus(Intake.PARENT_PATIENCE).plusSeconds(1);
        intake.filePending(10);
        String content = host.tickets.get(1L).content();
        assertTrue(content.contains("answering post 119, which could not be read"), content);
    }

    @Test
    void subjectDropsLeadingMentionsAndShortensOnAWord() {
        var m = tweet("60", ALICE, "@acme @support " + "word ".repeat(40), null, null);
        String subject = Intake.subject(m);
        assertTrue(subject.startsWith("X: word word"), subject);
        assertTrue(subject.length() <= Intake.SUBJECT_LENGTH + 4, subject);
        assertTrue(subject.endsWith("…"));
    }

    @Test
    void aDirectMessageFromSomeoneWhoTookPartInAThreadJoinsThatThreadsTicket() {
        intake.receive(List.of(tweet("10", ALICE, "@acme the app is down", null, "10"),
                tweet("11", BOB, "@acme @alice same for me", "10", "10")));
        intake.filePending(10);
        intake.receive(List.of(dm("12", BOB, "my account is bob@example.com")));
        intake.filePending(10);
        assertEquals(1, host.tickets.size(), "Bob is not the thread's customer, but his DM belongs to the case he wrote on");
        assertEquals(List.of("10", "11", "12"), host.messages.get(1L));
    }

    @Test
    void aStrangerWhoWritesInTheThreadAndThenPrivatelyNeverBecomesTheConversationsCustomer() {
        intake.receive(List.of(tweet("10", ALICE, "@acme the app is down", null, "10"),
                tweet("11", BOB, "@acme @alice same for me", "10", "10")));
        intake.filePending(10);
        intake.receive(List.of(dm("12", BOB, "psst, what's her order?")));
        intake.filePending(10);
        Conversation c = db.read(em -> em.find(Conversation.class, "x:10"));
        assertEquals("2001", c.customerAccountId(), "the ticket was opened for Alice");
        assertEquals("alice", c.customerHandle());
        assertEquals("x:2001", host.tickets.get(1L).requestor().id(), "the conversation's customer is the ticket's requestor");
        assertEquals(Visibility.PRIVATE, c.lastCustomerVisibility(), "a reply still follows how the conversation last came in");
        assertEquals("bob", c.lastPublicAuthorHandle(), "and a public one answers the latest public post");

        SocialIdentity renamed = new SocialIdentity(Network.X, "2001", "alice_new", "Alice A", null, 120, false);
        intake.receive(List.of(tweet("13", renamed, "@acme still down", "11", "10")));
        intake.filePending(10);
        assertEquals("alice_new", db.read(em -> em.find(Conversation.class, "x:10")).customerHandle(), "a rename follows");
    }

    @Test
    void aThreadContinuedOnANewTicketBelongsToWhoeverOpenedThatTicket() {
        intake.receive(List.of(tweet("130", ALICE, "@acme help", null, "130")));
        intake.filePending(10);
        host.resolved.put(1L, Instant.now().minus(java.time.Duration.ofDays(30)));
        intake.receive(List.of(tweet("131", BOB, "@acme months later, same here", "130", "130")));
        intake.filePending(10);
        Conversation c = db.read(em -> em.find(Conversation.class, "x:130"));
        assertEquals(2L, c.ticketId());
        assertEquals("x:2002", host.tickets.get(2L).requestor().id());
        assertEquals("2002", c.customerAccountId(), "the new ticket's requestor, Bob");
    }

    @Test
    void anExistingDatabaseKeepsItsConversationsAndLearnsEachCustomerOnUpgrade(@TempDir Path dir) {
        db.close();
        db = TestDatabase.file(dir);
        intake = new Intake(db, host, host, Set.of(), WINDOW, Clock.systemUTC());
        intake.receive(List.of(tweet("10", ALICE, "@acme the app is down", null, "10"),
                tweet("11", BOB, "@acme @alice same for me", "10", "10")));
        intake.filePending(10);
        intake.receive(List.of(dm("12", BOB, "psst")));
        intake.filePending(10);
        // The table as an earlier version left it: no customer columns, whoever wrote last in CUSTOMER_*.
        db.writing(em -> {
            em.createNativeQuery("ALTER TABLE SC_CONVERSATION DROP COLUMN REQUESTOR_ACCOUNT_ID").executeUpdate();
            em.createNativeQuery("ALTER TABLE SC_CONVERSATION DROP COLUMN REQUESTOR_HANDLE").executeUpdate();
            em.createNativeQuery("UPDATE SC_CONVERSATION SET CUSTOMER_ACCOUNT_ID = '2002', CUSTOMER_HANDLE = 'bob'").executeUpdate();
        });
        db.close();

        db = TestDatabase.file(dir);
        intake = new Intake(db, host, host, Set.of(), WINDOW, Clock.systemUTC());
        Conversation before = db.read(em -> em.find(Conversation.class, "x:10"));
        assertEquals(false, before.customerKnown());
        assertEquals(1L, before.ticketId());
        assertEquals("11", before.lastPublicCustomerMessageId());
        assertEquals(Visibility.PRIVATE, before.lastCustomerVisibility());
        assertEquals(1, intake.settleCustomers());
        assertEquals(0, intake.settleCustomers(), "once");
        Conversation after = db.read(em -> em.find(Conversation.class, "x:10"));
        assertEquals("2001", after.customerAccountId(), "the author of the first message on the ticket");
        assertEquals("alice", after.customerHandle());
        assertEquals("11", after.lastPublicCustomerMessageId(), "nothing else changed");
        assertEquals("bob", after.lastPublicAuthorHandle());
        assertEquals(Visibility.PRIVATE, after.lastCustomerVisibility());
        assertEquals(before.lastCustomerMessageAt(), after.lastCustomerMessageAt());
        assertEquals(List.of("x:10", "x:11", "x:12"), db.read(em -> em.createQuery(
                "select e.key from LedgerEntry e where e.conversationKey = 'x:10' order by e.key", String.class).getResultList()));
    }
}
