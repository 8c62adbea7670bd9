package org.socialcarebridge.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.PersistenceException;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.AfterCare;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.SubjectLine;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.customer.Customers;
import org.socialcarebridge.host.CustomerDirectory;
import org.socialcarebridge.host.HostBusyException;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.host.HostUnavailableException;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.TicketRouting;
import org.socialcarebridge.host.TicketState;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.guard.PublicCardNotice;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.engine.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a customer's message becomes a ticket. Two steps, each durable before the next:
 * {@link #receive} records new messages in the ledger (exactly once, keyed by network and id), and
 * {@link #filePending} puts received messages into tickets, one conversation one ticket. A host
 * outage leaves messages in the ledger to be filed later; a crash mid-filing is detected by the
 * attempt counter and resolved by asking the host before filing again.
 */
public final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    static final int SUBJECT_LENGTH = SubjectLine.MAX_TEXT;
    /**
     * How long a request to the help desk can still be under way after the plugin stopped waiting for
     * it (the HTTP client gives up after 30 s; RT may work on): until then a missing ticket is looked up
     * again, never opened a second time.
     */
    static final Duration HOST_PATIENCE = Duration.ofMinutes(2);

    private final IntakeStore store;
    private final Tickets tickets;
    private final CustomerDirectory directory;
    private final Set<String> ownAccountKeys;
    private final Duration reopenWindow;
    private final Clock clock;
    private final Customers customers;
    private final Triage triage;
    private final PublicCardNotice cardNotice = new PublicCardNotice();
    private final AfterCare afterCare;
    private final Channels channels;
    private volatile FilingPace pace;
    private volatile ThreadPoolExecutor workers;

    /**
     * @param ownAccountKeys identity keys of the brand's own accounts, whose posts never become tickets
     * @param reopenWindow   how long after resolution a customer's new message reopens the ticket;
     *                       later, it opens a new ticket that refers to the old one
     */
    public Intake(Database db, Tickets tickets, CustomerDirectory directory, Set<String> ownAccountKeys,
                  Duration reopenWindow, Clock clock) {
        this(db, tickets, directory, ownAccountKeys, reopenWindow, Triage.withDefaults(), clock);
    }

    /** @param triage decides, for a message that would open a ticket, whether it is work, how urgent, where and by when */
    public Intake(Database db, Tickets tickets, CustomerDirectory directory, Set<String> ownAccountKeys,
                  Duration reopenWindow, Triage triage, Clock clock) {
        this(db, tickets, directory, ownAccountKeys, reopenWindow, triage, AfterCare.NONE, clock);
    }

    /** @param afterCare takes survey answers and hears of every message on a ticket (check-ins, confirmations) */
    public Intake(Database db, Tickets tickets, CustomerDirectory directory, Set<String> ownAccountKeys,
                  Duration reopenWindow, Triage triage, AfterCare afterCare, Clock clock) {
        this(db, tickets, directory, ownAccountKeys, reopenWindow, triage, afterCare, Channels.of(), clock);
    }

    /**
     * @param channels what each network allows: a new ticket names its channel's reply choices, so the help
     *                 desk's reply form offers only those (a network without a channel here: every choice)
     */
    public Intake(Database db, Tickets tickets, CustomerDirectory directory, Set<String> ownAccountKeys,
                  Duration reopenWindow, Triage triage, AfterCare afterCare, Channels channels, Clock clock) {
        this.channels = channels;
        this.afterCare = afterCare;
        this.store = new IntakeStore(db);
        this.tickets = tickets;
        this.directory = directory;
        this.triage = triage;
        this.reopenWindow = reopenWindow;
        this.ownAccountKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        this.ownAccountKeys.addAll(ownAccountKeys);
        this.clock = clock;
        this.customers = new Customers(db, directory, clock);
        this.pace = FilingPace.single(clock);
    }

    /** The brand's account on a network, learnt when its channel starts; its posts are never ticketed. */
    public void recogniseOwnAccount(SocialIdentity account) {
        ownAccountKeys.add(account.key());
    }

    /**
     * Learns the customer of every conversation stored before the customer was kept apart from whoever
     * wrote last (an upgrade); call once at start. Answers how many conversations learnt theirs.
     */
    public int settleCustomers() {
        List<String> unsettled = store.unsettledConversations();
        unsettled.forEach(store::settleCustomer);
        if (!unsettled.isEmpty()) {
            LOG.info("Learnt the customer of {} conversations stored by an earlier version", unsettled.size());
        }
        return unsettled.size();
    }

    /** Whether the ledger has this message (received, posted by the plugin, or ignored). */
    public boolean knows(Network network, String messageId) {
        return store.knows(network.key() + ":" + messageId);
    }

    /**
     * Records the messages not seen before; answers how many were new. One transaction for them all; if
     * it fails, one per message, so a message the store refuses is kept as a dead letter and never
     * takes the others down with it. When
     * the store itself is down, that throws: nothing is recorded, and the feed reads the page again.
     */
    public int receive(List<InboundMessage> messages) {
        try {
            return store.addAll(messages.stream().map(this::received).toList());
        } catch (RuntimeException e) {
            if (messages.size() > 1) {
                LOG.warn("Recording {} messages at once failed ({}); recording them one by one", messages.size(),
                        e.getMessage());
            }
            int fresh = 0;
            for (InboundMessage m : messages) {
                fresh += receiveOne(m);
            }
            return fresh;
        }
    }

    private int receiveOne(InboundMessage m) {
        try {
            return store.add(received(m)) ? 1 : 0;
        } catch (RuntimeException e) {
            String reason = "Could not be stored as received: " + reason(e);
            int fresh = store.add(LedgerEntry.unstorable(m, reason, clock.instant())) ? 1 : 0;
            LOG.error("Message {} moved to the dead-letter list: {}", m.key(), reason);
            return fresh;
        }
    }

    /** The message's ledger entry as received: ignored from the start when it is the brand's own or no case. */
    private LedgerEntry received(InboundMessage m) {
        LedgerEntry entry = LedgerEntry.received(m, clock.instant());
        if (ownAccountKeys.contains(m.author().key())) {
            entry.ignore("the brand's own post", clock.instant());
        } else if (m.noTicketReason() != null) {
            entry.ignore(m.noTicketReason(), clock.instant());
        }
        return entry;
    }

    /**
     * Files up to {@code max} received messages, oldest first, each on its own: whatever one message
     * throws (any {@link Throwable}, a stack overflow included) makes that message a dead letter with
     * the reason, and the next is filed at once. Messages that may land on the same ticket (see
     * {@link FilingGroups}) are filed one after the other in ledger order; such groups are filed
     * concurrently, as many at once as the {@link FilingPace} allows. Only an outage stops the pass,
     * leaving the messages not filed yet waiting: the help desk unreachable, or the plugin's store failing
     * (for one message three passes in a row, it is that message's fault, and it becomes a dead letter).
     * The help desk answering busy leaves the rest of that message's group waiting, halves the pace, and
     * starts no new group in this pass.
     * Returns when every group it started is done.
     */
    public FilingReport filePending(int max) {
        if (this.pace.resting()) {
            return new FilingReport(0, 0, 0, null); // the help desk asked for a pause (Retry-After)
        }
        List<LedgerEntry> entries = store.waitingEntries(max);
        FilingPass pass = new FilingPass(entries.size());
        FilingPace paced = this.pace;
        for (List<LedgerEntry> group : FilingGroups.of(entries, this::lookups)) {
            if (paced.ceiling() == 1) { // one at a time: on this thread, as before concurrency
                if (!pass.open() || paced.resting()) {
                    break;
                }
                fileGroup(group, pass);
                continue;
            }
            if (!pass.admit(paced)) {
                break;
            }
            try {
                workers().execute(() -> {
                    try {
                        fileGroup(group, pass);
                    } catch (Throwable t) { // the store failing while recording a failure: stop as the one thread did
                        LOG.error("Filing stopped: {}", reason(t), t);
                        pass.stop(reason(t));
                    } finally {
                        pass.done();
                    }
                });
            } catch (RejectedExecutionException e) { // closed meanwhile
                pass.done();
                pass.stop("The plugin is stopping");
                break;
            } catch (Throwable t) { // no thread to be had (an Error): the pass must still end
                pass.done();
                pass.stop("Could not start a filing thread: " + reason(t));
                break;
            }
        }
        pass.awaitAll();
        return pass.report();
    }

    /** Files one group's messages in ledger order; an outage or a busy answer leaves the rest waiting. */
    private void fileGroup(List<LedgerEntry> group, FilingPass pass) {
        boolean clean = true;
        for (LedgerEntry waiting : group) {
            if (pass.stopped()) {
                return;
            }
            String key = waiting.key();
            if (awaitingParent(waiting)) {
                return; // it and what follows it in the conversation wait for the post it answers
            }
            long began = System.nanoTime();
            int filedAt = pace.current(); // judged by the concurrency it was filed at, not one cut since
            try {
                fileOne(key);
                storeFailures.remove(key);
                pass.filed();
            } catch (HostRejectedException e) {
                deadLetter(key, "The help desk refused the message: " + e.getMessage(), null);
                pass.deadLettered();
            } catch (Throwable t) { // an Error too: Camel's timer and processor bridge catch only Exception
                HostBusyException busy = busy(t);
                if (busy != null) {
                    pace.busy(busy.retryAfter());
                    pass.busy();
                    LOG.info("The help desk is busy ({}); {} and later messages of its conversation wait, filing {} at once",
                            busy.getMessage(), key, pace);
                    return; // the next in this conversation must not overtake it
                }
                if (outage(key, t)) {
                    String error = t.getMessage();
                    store.change(key, entry -> entry.failed(error));
                    pass.stop(error);
                    return;
                }
                deadLetter(key, "Could not be processed: " + reason(t), t);
                pass.deadLettered();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            Duration bar = pace.slowAt(filedAt);
            if (pace.took(took, filedAt)) {
                clean = false;
                LOG.info("The help desk took {} ms to file {}, over {} s; filing {} at once", took.toMillis(), key,
                        bar.toSeconds(), pace);
            }
        }
        if (clean) {
            pace.clean();
        }
    }

    /**
     * Whether a reply waits for the post it answers: webhooks and streams deliver in no set order (X's retries,
     * a stream and its catch-up), so a reply can arrive just before its parent. It waits while the parent is not
     * in the ledger, at most {@link #PARENT_PATIENCE} after the reply came; then it is filed saying its parent
     * was not read, as before.
     */
    private boolean awaitingParent(LedgerEntry waiting) {
        InboundMessage m = waiting.message();
        return m.inReplyToId() != null && waiting.receivedAt() != null
                && waiting.receivedAt().plus(PARENT_PATIENCE).isAfter(clock.instant())
                && !knows(m.network(), m.inReplyToId());
    }

    /** A parent delivered out of order comes within a second or two; X retries a failed delivery after 10 s. */
    static final Duration PARENT_PATIENCE = Duration.ofSeconds(5);

    private static HostBusyException busy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HostBusyException b) {
                return b;
            }
        }
        return null;
    }

    /**
     * What a waiting message's filing looks up, as keys that two messages share when they may land on the
     * same ticket: its author and the customer they are linked to (a DM goes to their latest
     * conversation, and a new customer's user is created once), the thread it names, the message it
     * answers and itself (a reply to it in the same pass), and the conversation it would continue now.
     */
    private List<String> lookups(LedgerEntry entry) {
        List<String> keys = new java.util.ArrayList<>();
        InboundMessage m = entry.message();
        keys.add("who:" + m.author().key());
        keys.add("message:" + entry.key());
        boolean threaded = threaded(m);
        String net = m.network().key() + ":";
        if (threaded) {
            keys.add("conversation:" + net + (m.conversationId() != null ? m.conversationId() : m.messageId()));
            if (m.inReplyToId() != null) {
                keys.add("message:" + net + m.inReplyToId());
            }
        }
        try {
            keys.add("who:" + customers.resolve(m.author().key()));
            Optional<Conversation> existing = threaded ? store.conversationOf(m) : store.latestConversationWith(m.author());
            existing.ifPresent(c -> keys.add("conversation:" + c.key()));
        } catch (Throwable t) {
            // What the store would have joined is unknown: every such message goes in one group, in ledger order,
            // never beside a conversation it may belong to. fileOne meets the problem and says what it is.
            keys.add("unresolved");
        }
        return keys;
    }

    /** The threads that file groups; made on the first pass, as many as the pace's ceiling, idle ones end. */
    private ThreadPoolExecutor workers() {
        ThreadPoolExecutor w = workers;
        if (w == null) {
            synchronized (this) {
                if (workers == null) {
                    AtomicInteger n = new AtomicInteger();
                    int size = pace.ceiling();
                    workers = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(), r -> {
                                Thread t = new Thread(r, "socialcare-filing-" + n.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
                    workers.allowCoreThreadTimeOut(true);
                }
                w = workers;
            }
        }
        return w;
    }

    /**
     * Files with this pace from the next pass on (the setting {@code filingConcurrency}); before, one
     * conversation at a time.
     */
    public synchronized void fileAtPace(FilingPace pace) {
        if (workers != null) {
            workers.shutdown();
            workers = null;
        }
        this.pace = pace;
    }

    /** How many conversations are filed at once now, and the most allowed. */
    public FilingPace pace() {
        return pace;
    }

    /** Ends the filing threads once their work is done; a later pass makes new ones. */
    public synchronized void close() {
        if (workers != null) {
            ThreadPoolExecutor stopping = workers;
            workers = null;
            stopping.shutdown();
            try {
                // A message under way finishes (RT may take 30 s) before the store closes under it.
                if (!stopping.awaitTermination(35, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warn("Filing threads still busy after 35 s at close; their messages are filed again after restart");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Store failures in a row by message: the third makes it a dead letter rather than stopping filing for good. */
    private final Map<String, Integer> storeFailures = new java.util.concurrent.ConcurrentHashMap<>();
    static final int STORE_FAILURES_TOLERATED = 2;

    /** Whether the failure is the help desk's or the store's, not the message's: then the message waits. */
    private boolean outage(String key, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HostUnavailableException) {
                return true;
            }
            if (c instanceof PersistenceException) {
                return storeFailures.merge(key, 1, Integer::sum) <= STORE_FAILURES_TOLERATED;
            }
        }
        return false;
    }

    private void deadLetter(String key, String reason, Throwable cause) {
        storeFailures.remove(key);
        store.change(key, entry -> entry.deadLetter(reason, clock.instant()));
        if (cause == null) {
            LOG.error("Message {} moved to the dead-letter list: {}", key, reason);
        } else {
            LOG.error("Message {} moved to the dead-letter list: {}", key, reason, cause);
        }
    }

    /** What went wrong, for an administrator: the class, the message, and where in the plugin it was thrown. */
    public static String reason(Throwable t) {
        StringBuilder r = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            r.append(": ").append(t.getMessage());
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("org.socialcarebridge.")) {
                r.append(" (at ").append(frame).append(')');
                break;
            }
        }
        return r.toString();
    }

    /**
     * Whether the message goes on in the thread it names: a public one always; a private one where its channel
     * keeps private threads apart (WhatsApp: per customer and business number). Any other private message
     * continues the customer's latest conversation.
     */
    private boolean threaded(InboundMessage m) {
        return m.visibility() == Visibility.PUBLIC || m.conversationId() != null
                && channels.find(m.network()).map(Channel::privateThreads).orElse(false);
    }

    private void fileOne(String key) {
        LedgerEntry entry = store.entry(key);
        InboundMessage m = entry.message();
        boolean threaded = threaded(m);
        Optional<Conversation> existing = threaded ? store.conversationOf(m) : store.latestConversationWith(m.author());
        // The SLA clock starts when the customer wrote, not when the help desk came back up.
        Instant wrote = m.createdAt().isBefore(clock.instant()) ? m.createdAt() : clock.instant();
        TriageDecision decision = triage.decide(TriageInput.of(m, false), wrote);
        // Only a message that would start a conversation can be noise: a customer's next words never are.
        if (existing.isEmpty() && !decision.ticket() && !entry.promoted()) {
            String reasons = String.join("; ", decision.signals().noise());
            TriageDecision filtered = decision;
            store.filtered(key, reasons.isEmpty() ? filtered.explanation() : reasons, filtered, clock.instant());
            LOG.info("Filtered {} as noise: {}", key, reasons);
            return;
        }
        boolean maybeFiledBefore = entry.attempts() > 0;
        boolean parentUnread = m.inReplyToId() != null && !knows(m.network(), m.inReplyToId());
        String body = body(m, shown(m), parentUnread);
        // Count the attempt before calling the host, so a crash after the call is known on restart.
        store.change(key, LedgerEntry::attempted);

        Conversation conversation = null;
        Long continues = null;
        if (existing.isPresent() && afterCare.answersSurvey(existing.get().ticketId(), m)) {
            conversation = existing.get(); // the follow-ups show the answer on the ticket; it reopens nothing
        } else if (existing.isPresent()) {
            Conversation c = existing.get();
            TicketState state = tickets.ticketState(c.ticketId());
            boolean reopenable = state.open() || state.resolvedAt() == null
                    || !state.resolvedAt().plus(reopenWindow).isBefore(clock.instant());
            if (reopenable) {
                conversation = c;
                if (!(maybeFiledBefore && tickets.ticketHoldsMessage(c.ticketId(), m.messageId()))) {
                    awaitSlowHost(entry, "add it to ticket " + c.ticketId());
                    writeToHost(key, () -> {
                        tickets.addCustomerMessage(c.ticketId(), body, messageFields(m));
                        return null;
                    });
                }
                if (!state.open()) {
                    tickets.reopen(c.ticketId());
                }
                afterCare.customerWrote(c.ticketId(), m, state.open());
            } else if (threaded) {
                continues = c.ticketId(); // the same thread goes on in a new ticket
                long old = c.ticketId();
                Optional<Long> already = maybeFiledBefore
                        ? tickets.ticketForConversation(c.key()).filter(id -> id != old) : Optional.empty();
                already.ifPresent(id -> tickets.labelFirstMessage(id, messageFields(m)));
                long ticketId;
                if (already.isPresent()) {
                    ticketId = already.get();
                } else {
                    awaitSlowHost(entry, "open its ticket");
                    Opened opened = openTicket(key, m, body, c.key(), old, wrote, decision);
                    ticketId = opened.ticketId();
                    decision = opened.decision();
                }
                c.continueOn(ticketId, m.author(), clock.instant()); // the new ticket is opened for them
                conversation = c;
            } else {
                continues = c.ticketId();
            }
        }
        if (conversation == null) {
            String conversationKey = threaded
                    ? m.network().key() + ":" + (m.conversationId() != null ? m.conversationId() : m.messageId())
                    : m.network().key() + ":dm:" + m.messageId();
            Optional<Long> already = maybeFiledBefore ? tickets.ticketForConversation(conversationKey) : Optional.empty();
            already.ifPresent(id -> tickets.labelFirstMessage(id, messageFields(m)));
            Long refersTo = continues;
            long ticketId;
            if (already.isPresent()) {
                ticketId = already.get();
            } else {
                awaitSlowHost(entry, "open its ticket");
                Opened opened = openTicket(key, m, body, conversationKey, refersTo, wrote, decision);
                ticketId = opened.ticketId();
                decision = opened.decision();
            }
            conversation = new Conversation(conversationKey, ticketId, m.author(), clock.instant());
        }
        Conversation target = conversation;
        TriageDecision recorded = decision;
        try {
            store.filed(key, target, m, recorded, clock.instant());
        } catch (PersistenceException e) {
            throw new IllegalStateException("Filed " + key + " on ticket " + target.ticketId()
                    + " but could not record it: " + e.getMessage(), e);
        }
        LOG.info("Filed {} on ticket {}", key, target.ticketId());
        if (m.visibility() == Visibility.PUBLIC) {
            warnOfPublicCard(m, target.ticketId());
        }
    }

    /**
     * A customer who posts their own card number in public gets the ticket flagged and the agent a
     * suggested public nudge; advisory, so a help-desk hiccup here never holds the message back.
     */
    private void warnOfPublicCard(InboundMessage m, long ticketId) {
        cardNotice.nudge(m.text(), m.author().handle()).ifPresent(nudge -> {
            try {
                tickets.setTicketField(ticketId, TicketField.PERSONAL_DATA_POSTED, "Yes");
                tickets.comment(ticketId, "Social Care Bridge: the customer's public post " + m.messageId() + " seems to show a"
                        + " card number. Suggested public reply (then move to private):\n\n" + nudge);
            } catch (RuntimeException e) {
                LOG.warn("Could not flag ticket {} for a card number posted in public: {}", ticketId, e.getMessage());
            }
        });
    }

    /** A ticket opened for a message, and the triage decision that routed it. */
    private record Opened(long ticketId, TriageDecision decision) {
    }

    /**
     * Opens the ticket for a message that starts a conversation, routed as triage decided; triaged again
     * when the help desk values the customer (their tier rises). The customer is looked up only here, so
     * noise never creates a help-desk user.
     */
    private Opened openTicket(String key, InboundMessage m, String body, String conversationKey, Long refersTo,
                              Instant wrote, TriageDecision plain) {
        HostCustomer customer = customers.hostCustomerFor(m.author());
        TriageDecision d = directory.valuedCustomer(customer) ? triage.decide(TriageInput.of(m, true), wrote) : plain;
        NewTicket ticket = newTicket(m, body, conversationKey, refersTo, customer, d);
        return new Opened(writeToHost(key, () -> tickets.openTicket(ticket)), d);
    }

    /**
     * Asks the host to write this message, noting when first: an answer that never comes leaves the
     * outcome unknown (see {@link #awaitSlowHost}). A request that surely never arrived, or that the host
     * refused, clears the note, so such a message is filed as soon as RT is back (or retried after a fix).
     */
    private <T> T writeToHost(String key, java.util.function.Supplier<T> write) {
        store.change(key, entry -> entry.writingToHost(clock.instant()));
        try {
            return write.get();
        } catch (HostUnavailableException e) {
            if (!e.mayHaveWritten()) {
                store.change(key, entry -> entry.writingToHost(null));
            }
            throw e;
        } catch (HostRejectedException e) {
            // The help desk answered with a refusal: it wrote nothing, so a retry after the fix needs no patience.
            store.change(key, entry -> entry.writingToHost(null));
            throw e;
        }
    }

    /**
     * The host was asked to write this message before and did not answer (slower than the client's
     * timeout, or the plugin stopped): it may still be writing it, and the look-up just now did not see it
     * yet. Writing it again now could make a second ticket, so filing waits, looking up on every pass,
     * until {@link #HOST_PATIENCE} after that request; only then is the message written again.
     */
    private void awaitSlowHost(LedgerEntry entry, String what) {
        Instant asked = entry.hostWriteSince();
        if (asked != null && asked.plus(HOST_PATIENCE).isAfter(clock.instant())) {
            throw new HostUnavailableException("The help desk was asked at " + asked + " to " + what + " for " + entry.key()
                    + " and has not answered; it may still be doing it, so it is looked up again, and the message is"
                    + " written again only if it is still missing at " + asked.plus(HOST_PATIENCE));
        }
    }

    private NewTicket newTicket(InboundMessage m, String body, String conversationKey, Long refersTo, HostCustomer customer,
                                TriageDecision d) {
        Map<TicketField, String> fields = new LinkedHashMap<>();
        SocialIdentity a = m.author();
        fields.put(TicketField.NETWORK, m.network().displayName());
        fields.put(TicketField.HANDLE, shown(m));
        if (a.profileUrl() != null) {
            fields.put(TicketField.PROFILE_URL, a.profileUrl());
        }
        fields.put(TicketField.CONVERSATION, conversationKey);
        fields.put(TicketField.FOLLOWERS, String.valueOf(a.followers()));
        fields.put(TicketField.VERIFIED, a.verified() ? "Yes" : "No");
        fields.put(TicketField.PRIORITY, d.tier().name());
        if (d.category() != null) {
            fields.put(TicketField.CATEGORY, d.category());
        }
        fields.put(TicketField.SENTIMENT, d.signals().sentiment().key());
        fields.put(TicketField.CONTACT_TYPE, d.signals().contactType().key());
        fields.put(TicketField.LANGUAGE, d.signals().language());
        fields.put(TicketField.APPROVAL_REQUIRED, d.approvalRequired() ? "Yes" : "No");
        fields.put(TicketField.TRIAGE, d.explanation());
        return new NewTicket(subject(m), customer, body, fields, messageFields(m), refersTo,
                new TicketRouting(d.queue(), d.ownerGroup(), d.priority(), d.due()),
                channels.find(m.network()).map(Channel::replyChoices).orElse(Set.of()));
    }

    /** The message's id, and how it was written (in the desk's words), shown on its transaction in the ticket's history. */
    private Map<MessageField, String> messageFields(InboundMessage m) {
        return Map.of(MessageField.POST_ID, m.messageId(), MessageField.REPLY_VISIBILITY,
                tickets.choice(m.visibility() == Visibility.PRIVATE ? ReplyVisibility.PRIVATE : ReplyVisibility.PUBLIC));
    }

    /** The ticket's subject: see {@link SubjectLine}. */
    static String subject(InboundMessage m) {
        return SubjectLine.of(m);
    }

    /** Marks private messages in the ticket's history, so an agent sees at a glance what was not public. */
    static final String PRIVATE_MARK = "[Private: direct message]";

    /**
     * The ticket message: the customer's text as posted, then where it came from.
     *
     * @param parentUnread the post it answers could not be read (deleted or protected)
     */
    /** The author as their network shows people: {@code @handle}, or a name on Facebook. */
    private String shown(InboundMessage m) {
        String handle = m.author().handle();
        return channels.find(m.network()).map(c -> c.identities().shown(handle)).orElse("@" + handle);
    }

    /** @param author the author as their network shows people, e.g. {@code @maria} */
    static String body(InboundMessage m, String author, boolean parentUnread) {
        SocialIdentity a = m.author();
        StringBuilder b = new StringBuilder();
        if (m.visibility() == Visibility.PRIVATE) {
            b.append(PRIVATE_MARK).append("\n\n");
        }
        b.append(m.text()).append("\n\n— ");
        boolean named = a.displayName() != null && !a.displayName().isBlank();
        if (named) {
            b.append(a.displayName()).append(' ');
        }
        if (!named || !author.equals(a.displayName())) {
            b.append('(').append(author).append(") "); // a name on Facebook: said once
        }
        b.append(m.visibility() == Visibility.PRIVATE ? "in a direct message on " : "on ")
                .append(m.network().displayName());
        if (m.url() != null) {
            b.append(": ").append(m.url());
        }
        if (parentUnread) {
            b.append("\n(answering post ").append(m.inReplyToId())
                    .append(", which could not be read: deleted, or not visible to the brand)");
        }
        if (m.createdAtUnread()) {
            b.append('\n').append(unreadCreatedAt(m));
        }
        // What did not fit the plugin's columns, in full: the agent sees what the customer sent.
        m.remarks().forEach(r -> b.append('\n').append(r));
        return b.toString();
    }

    /** The line that says the network's time was not read and what the SLA counts from instead. */
    static String unreadCreatedAt(InboundMessage m) {
        String sent = m.createdAtAsSent().isEmpty() ? "no created_at came with the message"
                : "created_at '" + m.createdAtAsSent() + "' could not be read";
        return "(" + sent + "; the SLA counts from receipt"
                + (m.createdAt() != null ? " at " + m.createdAt() : "") + ")";
    }

    /** What one filing pass did. {@code error} is the host problem that stopped it, if any. */
    public record FilingReport(int filed, int deadLettered, int waiting, String error) {
    }

    /**
     * Dead-letters an item a feed could not read as a message (its mapper failed), so the rest of its
     * page is recorded and a human sees what arrived. Idempotent by key: a re-read records nothing.
     *
     * @param messageId the network's id if the item had a usable one, else null
     * @param raw       the item as it arrived (kept, cut to 64 KiB)
     * @param reason    what could not be read
     * @return whether it was new to the ledger
     */
    public boolean recordUnreadable(Network network, String messageId, String raw, String reason) {
        LedgerEntry entry = LedgerEntry.unreadable(network, messageId, raw, reason, clock.instant());
        boolean fresh = store.add(entry);
        if (fresh) {
            LOG.warn("Dead-lettered an unreadable {} item {} (the reason is in the ledger)", network.displayName(),
                    entry.messageId());
        }
        return fresh;
    }
}
