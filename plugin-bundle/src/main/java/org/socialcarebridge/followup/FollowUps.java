package org.socialcarebridge.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.AfterCare;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.delivery.Delivery;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.delivery.DeliveryReceipts;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.DeskActivity;
import org.socialcarebridge.host.StatusChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.host.TransactionFeed;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.ReplyRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop after an agent resolves a social ticket: a public closing reply where the case began
 * in public, a private 1-5 survey after a delay, a check-in days later for the categories that call for
 * it. Resolutions are read from the help desk's status changes ({@link #readResolutions}), follow-ups
 * are sent when due ({@link #sendDue}) through the same reply rules and the same {@link Delivery} as
 * agents' replies, and what became of each is written back to the ticket ({@link #writeBack}); every
 * step is durable before the next, so a crash or an outage delays a follow-up but never sends it twice.
 * Follow-ups decide what to send and when; how it reaches the network is the delivery's.
 */
public final class FollowUps implements AfterCare, DeliveryReceipts {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);
    static final String CURSOR = "rt:status";
    /**
     * A follow-up still sending after this long was left so (one post takes at most the HTTP client's
     * 30 s): the network may hold it, so it is looked up.
     */
    static final java.time.Duration SENDING_STALE = java.time.Duration.ofMinutes(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final FollowUpStore store;
    private final Tickets tickets;
    private final Map<Network, NetworkClient> networks;
    private final ReplyPolicy replies;
    private final FollowUpPolicy policy;
    private final RetrySchedule retries;
    private final Delivery delivery;
    private final Clock clock;
    private final TransactionFeed<StatusChange> statusChanges;

    /**
     * @param replies the rules agents' replies follow (limits, guard, messaging windows); follow-ups follow them too
     * @param policy  the administrator's follow-up settings (a changed file restarts the engine)
     */
    public FollowUps(Database db, Tickets tickets, DeskActivity activity, Map<Network, NetworkClient> networks,
                     ReplyPolicy replies, FollowUpPolicy policy, RetrySchedule retries, Clock clock) {
        this.store = new FollowUpStore(db);
        this.tickets = tickets;
        this.networks = networks; // live: channels attach and detach while it runs
        this.replies = replies;
        this.policy = policy;
        this.retries = retries;
        this.delivery = new Delivery(db, retries, clock);
        this.clock = clock;
        this.statusChanges = new TransactionFeed<>(db, CURSOR, activity::latestTransactionId, activity::statusChangesAfter,
                StatusChange::transactionId, clock);
    }

    /** Where the status feed stands, for the health page. */
    public String position() {
        return statusChanges.position();
    }

    // ---- resolutions

    /** Reads agents' status changes since the last call: resolutions schedule follow-ups, reopenings cancel them. */
    public int readResolutions() {
        return statusChanges.read(this::take);
    }

    private boolean take(StatusChange change) {
        if (change.resolves()) {
            return resolved(change);
        }
        if (change.reopens()) {
            reopened(change.ticketId(), change.at(), "the ticket was reopened by " + change.by());
            return true;
        }
        return false;
    }

    private boolean resolved(StatusChange change) {
        Optional<Conversation> found = store.conversationOn(change.ticketId());
        if (found.isEmpty()) {
            return false; // a social ticket the plugin has no conversation for (filed by an older install)
        }
        Conversation conversation = found.get();
        // Read once, before scheduling: the agent may have corrected the category triage chose.
        String category = policy.checkInCategories().isEmpty() ? null
                : tickets.ticketField(change.ticketId(), TicketField.CATEGORY).orElse(null);
        Instant now = clock.instant();
        Resolution r = new Resolution(change.transactionId(), change.ticketId(), change.at(), change.by(), now);
        boolean fresh = store.resolve(r, surveysSent -> {
            List<FollowUp> scheduled = new ArrayList<>();
            if (policy.closing()) {
                scheduled.add(new FollowUp(r, FollowUpKind.CLOSING, conversation, change.at(), now));
            }
            if (policy.survey()) {
                FollowUp survey = new FollowUp(r, FollowUpKind.SURVEY, conversation, change.at().plus(policy.surveyDelay()), now);
                surveyNotWanted(surveysSent, r, conversation).ifPresent(why -> survey.end(FollowUpState.SKIPPED, why, now));
                scheduled.add(survey);
            }
            if (policy.checksIn(category)) {
                scheduled.add(new FollowUp(r, FollowUpKind.CHECK_IN, conversation, change.at().plus(policy.checkInAfter()), now));
            }
            return scheduled;
        });
        tickets.setTicketField(change.ticketId(), TicketField.RESOLVED_BY, change.by());
        if (fresh) {
            LOG.info("Ticket {} resolved by {}: follow-ups scheduled", change.ticketId(), change.by());
        }
        return true;
    }

    /** Why this resolution gets no survey (sampling, surveyed recently), or empty. */
    private Optional<String> surveyNotWanted(FollowUpStore.SurveysSent surveysSent, Resolution r, Conversation c) {
        if (!policy.samples(r.transactionId())) {
            return Optional.of("not in the " + policy.surveySampling() + "% of resolutions sampled for a survey");
        }
        Optional<Instant> recent = surveysSent.lastSince(c, clock.instant().minus(policy.surveyCap()));
        if (recent.isPresent()) {
            return Optional.of("the customer was last surveyed " + WHEN.format(recent.get()) + "; at most one survey per "
                    + policy.surveyCap().toDays() + " days");
        }
        return Optional.empty();
    }

    /** The ticket is active again: its current resolution ends and what it scheduled is cancelled. */
    private void reopened(long ticketId, Instant at, String why) {
        Instant now = clock.instant();
        int cancelled = store.reopen(ticketId, r -> r.reopened(at, now), f -> f.end(FollowUpState.CANCELLED, why, now));
        if (cancelled > 0) {
            LOG.info("Ticket {}: {} follow-ups cancelled ({})", ticketId, cancelled, why);
        }
    }

    // ---- the customer writes

    @Override
    public boolean answersSurvey(long ticketId, InboundMessage message) {
        if (message.visibility() != Visibility.PRIVATE) {
            return false; // the survey went by direct message; a public post is an ordinary message
        }
        // Read first: most direct messages answer no survey, and they need no write.
        Optional<FollowUp> latest = store.lastSurveySent(ticketId);
        if (latest.isEmpty()) {
            return false;
        }
        FollowUp survey = latest.get();
        if (survey.state() == FollowUpState.ANSWERED) {
            return message.key().equals(survey.answerKey()); // the same answer read again; a second message is a message
        }
        boolean fromCustomer = survey.customerAccountId().equals(message.author().accountId());
        Instant wrote = message.createdAt();
        boolean inTime = !wrote.isBefore(survey.sentAt().minusSeconds(5))
                && !wrote.isAfter(survey.sentAt().plus(policy.answerWindow()));
        if (survey.state() != FollowUpState.SENT || !fromCustomer || !inTime) {
            return false;
        }
        SurveyAnswer answer = SurveyAnswer.read(message.text());
        store.change(survey.key(), f -> f.answered(answer.score().orElse(null), message.text(),
                message.key(), clock.instant()));
        LOG.info("Ticket {}: survey answered, {}", ticketId, answer.reading());
        return true;
    }

    @Override
    public void customerWrote(long ticketId, InboundMessage message, boolean ticketWasOpen) {
        if (!ticketWasOpen) {
            reopened(ticketId, message.createdAt(), "the customer wrote again (" + message.key() + ") and the ticket was reopened");
            return;
        }
        Instant now = clock.instant();
        store.changeScheduled(ticketId, f -> {
            if (f.kind() == FollowUpKind.CHECK_IN) {
                f.end(FollowUpState.CANCELLED, "the customer wrote on " + WHEN.format(message.createdAt()), now);
            }
        });
        if (ResolutionConfirmation.confirms(message.text())) {
            try {
                tickets.setTicketField(ticketId, TicketField.CUSTOMER_CONFIRMED_RESOLUTION, "Yes");
            } catch (RuntimeException e) {
                // Advisory: the message itself is on the ticket; the agent reads the confirmation there.
                LOG.warn("Could not mark ticket {} as confirmed by the customer: {}", ticketId, e.getMessage());
            }
        }
    }

    // ---- sending

    /**
     * Follow-ups left sending by a stop may be on the network: each is looked up at once, before it is
     * sent again. Call once at start, before sending (nothing of this plugin is sending then).
     */
    public int settleInterrupted() {
        List<String> keys = store.inState(FollowUpState.SENDING);
        for (String key : keys) {
            store.change(key, f -> f.unconfirmed(clock.instant(), "the plugin stopped while sending it;"
                    + " looked up on the network before it is sent again", clock.instant()));
        }
        return keys.size();
    }

    /**
     * Sends the follow-ups that are due, and looks up those left sending (a crash, or a database error
     * after the post); answers how many were looked at.
     */
    public int sendDue(int max) {
        List<String> due = store.due(clock.instant(), clock.instant().minus(SENDING_STALE), max);
        for (String key : due) {
            send(key);
        }
        return due.size();
    }

    private void send(String key) {
        FollowUp f = store.followUp(key);
        Resolution r = store.resolution(f.resolutionTransactionId());
        if (r.reopenedAt() != null) {
            end(key, FollowUpState.CANCELLED, "the ticket was reopened");
            return;
        }
        Conversation c = store.conversation(f.conversationKey());
        NetworkClient network = networks.get(f.network());
        if (network == null) {
            retry(key, "the " + f.network().displayName() + " channel is not running (check its settings)", null);
            return;
        }
        OutboundPostPlan plan = switch (f.kind()) {
            case CLOSING -> closing(c);
            case SURVEY -> tooFewReplies(f.ticketId()).map(why -> OutboundPostPlan.not(FollowUpState.SKIPPED, why))
                    .orElseGet(() -> survey(c));
            // The help desk stamps a resolution to the second, a network a message to the millisecond: words in
            // the resolution's own second came before it (the agent resolved having read them).
            case CHECK_IN -> c.lastCustomerMessageAt().truncatedTo(ChronoUnit.SECONDS).isAfter(r.resolvedAt())
                    ? OutboundPostPlan.not(FollowUpState.CANCELLED, "the customer wrote after the resolution")
                    : privately(c, policy.checkInText(), "checkIn.text", "check-in");
        };
        if (plan.skip() != null) {
            end(key, plan.skip(), plan.why());
            return;
        }
        OutboundPost post;
        try {
            List<OutboundPost> posts = replies.compose(new AgentReply(f.ticketId(), f.resolutionTransactionId(), null,
                    plan.text(), plan.visibility(), false, false, null, null, null, plan.template()), c, List.of());
            if (posts.size() > 1) {
                // Without per-part progress, a retry could post the first part again on X (no idempotency key there).
                end(key, FollowUpState.SKIPPED, "its text makes " + posts.size() + " posts on " + c.network().displayName()
                        + "; a follow-up is one post: shorten " + plan.setting() + " in org.socialcarebridge.followup.cfg");
                return;
            }
            post = posts.get(0);
        } catch (ReplyRefusedException e) { // a guard block (ReplyBlockedException) too
            end(key, FollowUpState.SKIPPED, e.in(tickets)); // shown on the ticket: in the desk's terms
            return;
        }
        Delivery.Outcome outcome = delivery.deliver(network, new Delivery.PlannedPost(post, "socialcare-followup-" + key,
                f.attempts(), f.sendingSince(), f.text(), f.reason()), journal(key));
        Instant now = clock.instant();
        if (outcome instanceof Delivery.Posted posted) {
            store.sent(key, c, posted.sent(), posted.message(), clock.instant());
            if (posted.found()) {
                LOG.info("Ticket {}: {} found already on the network as {}: recorded, not sent again", f.ticketId(),
                        f.kind(), posted.message().id());
            } else {
                LOG.info("Ticket {}: {} sent as {}", f.ticketId(), f.kind(), posted.message().id());
            }
        } else if (outcome instanceof Delivery.Retry retry) {
            store.change(key, row -> row.retryAt(retry.at(), retry.why(), now));
            LOG.warn("Follow-up {} not sent yet ({}); next try at {}", key, retry.why(), retry.at());
        } else if (outcome instanceof Delivery.Failed failed) {
            // The network's or the channel's words address an agent; a follow-up's fix is the administrator's.
            end(key, FollowUpState.FAILED, plan.template() == null ? failed.why() : failed.why() + " (the template '"
                    + plan.template() + "' is named by " + plan.setting() + " in etc/org.socialcarebridge.followup.cfg:"
                    + " name an approved template with at most one placeholder, which takes the customer's name)");
        } else if (outcome instanceof Delivery.NoAnswer lost) {
            store.change(key, row -> row.unconfirmed(lost.lookUpAt(), "no answer from the network ("
                    + lost.error() + "); looked up before it is sent again", now));
            LOG.warn("Follow-up {}: no answer from the network ({}); looking it up at {}", key, lost.error(), lost.lookUpAt());
        } else if (outcome instanceof Delivery.NotKnown unknown) {
            store.change(key, row -> row.unconfirmed(unknown.lookUpAt(), "not known whether the network"
                    + " took it; looking it up failed: " + unknown.why(), now));
        } else if (outcome instanceof Delivery.Uncertain uncertain) {
            end(key, FollowUpState.UNCERTAIN, "the network did not answer when it was sent at " + uncertain.since()
                    + ", and could not be asked since whether it took it (" + uncertain.why() + "); check the"
                    + " conversation there");
        }
    }

    /** The follow-up's row records each step of its delivery durably, before the next. */
    private Delivery.Journal journal(String key) {
        return new Delivery.Journal() {
            @Override
            public void posting(String text, Instant at) {
                store.change(key, row -> row.sending(text, at));
            }

            @Override
            public void absent(Instant at) {
                store.change(key, row -> row.confirmedAbsent(at));
            }
        };
    }

    /** What to post for a follow-up, or why not. */
    private record OutboundPostPlan(String text, String setting, ReplyVisibility visibility, String template,
                                    FollowUpState skip, String why) {
        OutboundPostPlan(String text, String setting, ReplyVisibility visibility, FollowUpState skip, String why) {
            this(text, setting, visibility, null, skip, why);
        }

        static OutboundPostPlan not(FollowUpState state, String why) {
            return new OutboundPostPlan(null, null, null, state, why);
        }
    }

    private OutboundPostPlan closing(Conversation c) {
        if (c.key().contains(":dm:") || c.lastPublicCustomerMessageId() == null) {
            return OutboundPostPlan.not(FollowUpState.SKIPPED, "the conversation began in private, so nothing is closed in public");
        }
        Optional<String> closed = lastPublicClosing(c);
        if (closed.isPresent()) {
            return OutboundPostPlan.not(FollowUpState.SKIPPED, "the last public exchange was already a closing: " + closed.get());
        }
        return new OutboundPostPlan(policy.closingText(), "closing.text", ReplyVisibility.PUBLIC, null, null);
    }

    /**
     * Why a survey would come too early: fewer agent replies reached the customer than the policy asks.
     * Counted when it is due, not at the resolution: an agent's last reply is often sent with it.
     */
    private Optional<String> tooFewReplies(long ticketId) {
        long replied = store.repliesPosted(ticketId);
        if (replied >= policy.minAgentReplies()) {
            return Optional.empty();
        }
        return Optional.of(replied == 0 ? "no agent reply reached the customer on this ticket"
                : "only " + replied + " agent replies reached the customer; a survey needs " + policy.minAgentReplies());
    }

    /**
     * The survey: its text inside the messaging window; after it, on a network with a survey template, that
     * template, its one placeholder (if it has one) the customer's name; else skipped, saying why.
     */
    private OutboundPostPlan survey(Conversation c) {
        Optional<String> template = policy.surveyTemplate(c.network());
        if (template.isPresent() && replies.directMessageClosed(c).isPresent()) {
            return new OutboundPostPlan(store.customerName(c), "survey.templates", ReplyVisibility.PRIVATE, template.get(),
                    null, null);
        }
        return privately(c, policy.surveyText(), "survey.text", "survey");
    }

    private OutboundPostPlan privately(Conversation c, String text, String setting, String what) {
        Optional<String> closed = replies.directMessageClosed(c);
        if (closed.isPresent()) {
            return OutboundPostPlan.not(FollowUpState.SKIPPED, closed.get() + ", and a " + what + " is never sent in public");
        }
        return new OutboundPostPlan(text, setting, ReplyVisibility.PRIVATE, null, null);
    }

    /**
     * The thread's latest public message, when it closed the case: the plugin's own closing, a brand
     * reply that reads as one, or the customer saying it is fixed. Quoted short for the ticket.
     */
    private Optional<String> lastPublicClosing(Conversation c) {
        Optional<LedgerEntry> latest = store.lastPublicMessage(c);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry e = latest.get();
        String text = e.text() == null ? "" : e.text();
        boolean closes = e.direction() == LedgerEntry.Direction.OUTBOUND
                ? ClosingReply.closes(text) || store.sentAsClosing(e.messageId())
                : ResolutionConfirmation.confirms(text);
        return closes ? Optional.of("\"" + CustomerText.shortened(text, 120) + "\"") : Optional.empty();
    }

    private void retry(String key, String why, Instant resetAt) {
        int attempts = store.followUp(key).attempts() + 1;
        if (retries.exhausted(attempts)) {
            end(key, FollowUpState.FAILED, why + " (gave up after " + attempts + " attempts)");
            return;
        }
        Instant next = retries.next(attempts, clock.instant(), resetAt);
        store.change(key, row -> row.retryAt(next, why, clock.instant()));
        LOG.warn("Follow-up {} not sent yet ({}); next try at {}", key, why, next);
    }

    private void end(String key, FollowUpState state, String why) {
        store.change(key, row -> row.end(state, why, clock.instant()));
        LOG.info("Follow-up {} {}: {}", key, state.name().toLowerCase(java.util.Locale.ROOT), why);
    }

    // ---- the network's receipts

    @Override
    public boolean knows(DeliveryReceipt receipt) {
        return store.byPost(receipt.network(), receipt.postId()) != null;
    }

    /**
     * What the network says became of a follow-up it sent (WhatsApp's statuses): a failure of a sent one
     * fails it on the ticket with the network's error; delivered and read are kept for the export. A
     * receipt for a message no follow-up sent answers false.
     */
    @Override
    public boolean receive(DeliveryReceipt receipt) {
        String key = store.byPost(receipt.network(), receipt.postId());
        if (key == null) {
            return false;
        }
        boolean moved = store.changed(key, f -> f.receive(receipt, clock.instant()));
        if (moved && receipt.status() == DeliveryReceipt.Status.FAILED) {
            LOG.warn("Follow-up {} failed on {}: {}", key, receipt.network().displayName(), receipt.error());
        }
        return moved;
    }

    // ---- the ticket shows it

    /**
     * Writes what became of follow-ups to their tickets: the state fields, the survey's score and answer,
     * a comment for what the agent should read, and a low score reopens the ticket for the team leads.
     * Stops at the first host problem; the rest is written on the next call.
     */
    public int writeBack(int max) {
        List<String> pending = store.awaitingWriteBack(max);
        int written = 0;
        for (String key : pending) {
            FollowUp f = store.followUp(key);
            try {
                show(f);
            } catch (RuntimeException e) {
                LOG.warn("Could not show follow-up {} on ticket {} yet: {}", key, f.ticketId(), e.getMessage());
                return written;
            }
            // Only what was shown is written: an answer that arrived while the survey's "sent" was being
            // shown changed the row, which stays pending and is shown next time.
            store.change(key, now -> {
                if (now.state() == f.state() && java.util.Objects.equals(now.updatedAt(), f.updatedAt())) {
                    now.hostUpdated();
                }
            });
            written++;
        }
        return written;
    }

    private void show(FollowUp f) {
        TicketField field = switch (f.kind()) {
            case CLOSING -> TicketField.CLOSING;
            case SURVEY -> TicketField.SURVEY;
            case CHECK_IN -> TicketField.CHECK_IN;
        };
        Map<TicketField, String> fields = new LinkedHashMap<>();
        fields.put(field, describe(f));
        String handle = "@" + f.customerHandle();
        switch (f.state()) {
            case SENT -> {
                tickets.setTicketFields(f.ticketId(), fields);
                tickets.comment(f.ticketId(), "Social Care Bridge sent the " + label(f.kind()) + " to " + handle + ": \""
                        + f.text() + "\"" + (f.postUrl() != null ? " " + f.postUrl() : ""));
            }
            case ANSWERED -> {
                SurveyAnswer answer = SurveyAnswer.read(f.answer());
                if (f.score() != null) {
                    fields.put(TicketField.CSAT, String.valueOf(f.score()));
                }
                fields.put(TicketField.SURVEY_ANSWER, CustomerText.shortened(f.answer(), 250));
                tickets.setTicketFields(f.ticketId(), fields);
                String quoted = "\"" + CustomerText.shortened(f.answer(), 1000) + "\"";
                boolean low = f.score() != null ? f.score() <= 2 : answer.angry();
                String credit = f.agent() != null ? " (credited to " + f.agent() + ", who resolved the ticket)" : "";
                if (low) {
                    String group = policy.lowScoreGroup();
                    tickets.reopenFor(f.ticketId(), group, "Social Care Bridge: " + handle + " answered the satisfaction survey"
                            + " with " + quoted + ", " + answer.reading() + credit + ". The ticket is reopened for " + group
                            + ": please look at what went wrong and contact the customer.");
                    reopened(f.ticketId(), clock.instant(), "the customer's low score reopened the ticket");
                } else {
                    tickets.comment(f.ticketId(), "Social Care Bridge: " + handle + " answered the satisfaction survey with "
                            + quoted + ", " + answer.reading() + credit + ".");
                }
            }
            case UNCERTAIN -> {
                tickets.setTicketFields(f.ticketId(), fields);
                tickets.comment(f.ticketId(), "Social Care Bridge: the " + label(f.kind()) + " to " + handle
                        + " may or may not have reached the customer (uncertain): " + f.reason());
            }
            case SKIPPED, CANCELLED, FAILED, SCHEDULED, SENDING -> tickets.setTicketFields(f.ticketId(), fields);
        }
    }

    /** The field's value: where the follow-up stands, in a line. */
    static String describe(FollowUp f) {
        return switch (f.state()) {
            case SCHEDULED -> "scheduled for " + WHEN.format(f.dueAt());
            case SENT -> "sent " + WHEN.format(f.sentAt()) + (f.postUrl() != null ? " " + f.postUrl() : "")
                    + (f.kind() == FollowUpKind.SURVEY ? ", waiting for the answer" : "");
            case ANSWERED -> "answered " + (f.score() != null ? f.score() + "/5" : "without a score") + " on "
                    + WHEN.format(f.answeredAt());
            case SKIPPED -> "not sent: " + f.reason();
            case CANCELLED -> "cancelled: " + f.reason();
            case FAILED -> f.receipt() == DeliveryReceipt.Status.FAILED
                    ? "sent " + WHEN.format(f.sentAt()) + ", then failed: " + f.reason() : "not sent, failed: " + f.reason();
            case SENDING -> "sending since " + WHEN.format(f.sendingSince());
            case UNCERTAIN -> "maybe sent, uncertain: " + f.reason();
        };
    }

    private static String label(FollowUpKind kind) {
        return switch (kind) {
            case CLOSING -> "public closing reply";
            case SURVEY -> "satisfaction survey by direct message";
            case CHECK_IN -> "check-in by direct message";
        };
    }


    /** Follow-ups not yet sent, for the health page. */
    public long scheduledCount() {
        return store.count(FollowUpState.SCHEDULED);
    }

    /** Survey answers received, for the health page. */
    public long answeredCount() {
        return store.count(FollowUpState.ANSWERED);
    }
}
