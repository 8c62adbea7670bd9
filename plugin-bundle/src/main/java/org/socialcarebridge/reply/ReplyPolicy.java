package org.socialcarebridge.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.DeskTerms;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.reply.guard.Finding;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;

/**
 * Turns an agent's reply into what the network accepts, applying its rules visibly, never silently:
 * a public reply answers the latest public message in the thread and starts with its author's @handle;
 * a private one goes to the ticket's customer, or to the participant the agent picked (Social Reply
 * To), never to whoever wrote last; Move to private is a public acknowledgement then the text as a
 * direct message. Without an explicit choice a reply goes the way the conversation last came in, so a
 * DM is never answered in public by accident. A direct message addressed by mention (Mastodon's) reaches
 * every account it mentions, so one that mentions anyone but its recipient is refused. The agent's
 * signature is added when configured. A public reply over the network's limit becomes a numbered thread
 * if the administrator allows it and the network has threads, else it is refused, never cut; a direct
 * message over its limit is refused. Nothing public is posted that the sensitive-data guard finds
 * personal data in. Where the network allows only approved templates after its messaging window
 * (WhatsApp), free text after it is refused saying so, and a template the agent picked goes at any time.
 * Limits, counting and what may be sent at all are the conversation's {@link Channel}'s.
 */
public final class ReplyPolicy {
    private final Channels channels;
    private final SensitiveDataGuard guard;
    private final Signature signature;
    private final MoveToPrivate acknowledgement;
    private final int maxThreadParts;
    private final Map<Network, Duration> messagingWindows;
    private final Clock clock;

    /** The defaults: the guard's built-in checks, no signature, the standard acknowledgement, no threads. */
    public ReplyPolicy(Channels channels) {
        this(channels, new SensitiveDataGuard(GuardSettings.defaults()), Signature.of(Signature.OFF),
                MoveToPrivate.standard(), 1);
    }

    /** @param maxThreadParts 1: a public reply over the limit is refused; more: split into up to that many posts */
    public ReplyPolicy(Channels channels, SensitiveDataGuard guard, Signature signature, MoveToPrivate acknowledgement,
                       int maxThreadParts) {
        this(channels, guard, signature, acknowledgement, maxThreadParts, Map.of(), Clock.systemUTC());
    }

    /**
     * @param channels         the running channels: their limits, counting and messaging rules
     * @param messagingWindows per network, how long after the customer's last message the brand may send
     *                         a direct message (Meta's 24 hours); a network not listed has its channel's
     *                         window, if any
     */
    public ReplyPolicy(Channels channels, SensitiveDataGuard guard, Signature signature, MoveToPrivate acknowledgement,
                       int maxThreadParts, Map<Network, Duration> messagingWindows, Clock clock) {
        this.channels = channels;
        this.messagingWindows = Map.copyOf(messagingWindows);
        this.clock = clock;
        if (maxThreadParts < 1) {
            throw new IllegalArgumentException("A reply is at least one post, not " + maxThreadParts);
        }
        this.guard = guard;
        this.signature = signature;
        this.acknowledgement = acknowledgement;
        this.maxThreadParts = maxThreadParts;
    }

    /**
     * The posts a reply becomes, in the order they are posted: one for a Private reply, one or a numbered
     * thread for a Public one, and for Move to private the acknowledgement in the thread then the DM.
     *
     * @throws ReplyBlockedException when a public post would carry personal data
     * @throws ReplyRefusedException when the reply cannot be posted as it stands (the message says why)
     */
    public List<OutboundPost> compose(AgentReply reply, Conversation conversation) {
        return compose(reply, conversation, List.of());
    }

    /**
     * @param participants handles of the other people who wrote publicly in the thread, oldest first: a
     *                     public reply mentions them after the person answered, as the networks expect
     */
    public List<OutboundPost> compose(AgentReply reply, Conversation conversation, List<String> participants) {
        return compose(reply, conversation, participants, Participants.customerOf(conversation));
    }

    /**
     * @param writers everyone who wrote in the conversation: a private reply goes to its customer, or to
     *                the one the reply's {@link AgentReply#replyTo()} names
     */
    public List<OutboundPost> compose(AgentReply reply, Conversation conversation, List<String> participants,
                                      Participants writers) {
        String text = reply.text() == null ? "" : reply.text().strip();
        String template = reply.template() == null || reply.template().isBlank() ? null : reply.template().strip();
        if (text.isEmpty() && template == null) {
            throw new ReplyRefusedException("The reply is empty; write the text to send to the customer.");
        }
        // A template's text is its placeholders' values, one a line: a signature would be one more.
        text = template == null ? signature.sign(text, reply.agentRealName()) : text;
        ReplyVisibility visibility = reply.visibility() != null ? reply.visibility()
                : conversation.lastCustomerVisibility() == Visibility.PRIVATE ? ReplyVisibility.PRIVATE : ReplyVisibility.PUBLIC;
        if (template != null) {
            refuseUnsendable(template, visibility, conversation.network());
        }
        if (visibility == ReplyVisibility.PUBLIC) {
            if (reply.replyTo() != null && !reply.replyTo().isBlank()) {
                // The agent meant someone in particular; a public reply would answer the thread instead.
                String replyTo = reply.replyTo().strip();
                throw new ReplyRefusedException(terms -> "Nothing was sent: " + terms.field(MessageField.REPLY_TO) + " ('"
                        + replyTo + "') picks who receives a private reply, and this reply is "
                        + terms.choice(ReplyVisibility.PUBLIC) + ". Set " + terms.field(MessageField.REPLY_VISIBILITY)
                        + " to " + terms.choice(ReplyVisibility.PRIVATE) + " or " + terms.choice(ReplyVisibility.TO_PRIVATE)
                        + ", or clear " + terms.field(MessageField.REPLY_TO) + ".");
            }
            return inThread(text, conversation, participants);
        }
        Participants.Participant recipient = writers.recipient(reply.replyTo());
        if (visibility == ReplyVisibility.PRIVATE || conversation.lastPublicCustomerMessageId() == null) {
            // Move to private with no public thread too
            return List.of(directMessage(text, template, conversation, recipient));
        }
        // The acknowledgement tells the one moved to private, in the thread it answers as before.
        OutboundPost direct = directMessage(text, template, conversation, recipient);
        String ack = acknowledgement.acknowledgement(recipient.handle(), null, channels.of(conversation.network()));
        return List.of(inThread(ack, conversation, List.of()).get(0), direct);
    }

    /**
     * A template goes only where the network has approved templates, and only as a private message: the
     * agent is told to clear the field (or to send it privately) rather than have the text sent without it.
     */
    private void refuseUnsendable(String template, ReplyVisibility visibility, Network network) {
        boolean templates = channels.find(network).flatMap(Channel::privateMessages)
                .map(PrivateMessages::templatesOutsideWindow).orElse(false);
        if (!templates) {
            throw new ReplyRefusedException(terms -> "Nothing was sent: " + terms.field(MessageField.TEMPLATE) + " is '"
                    + template + "', and " + network.displayName() + " has no approved templates. Clear "
                    + terms.field(MessageField.TEMPLATE) + " to send the text as written.");
        }
        if (visibility == ReplyVisibility.PUBLIC) {
            throw new ReplyRefusedException(terms -> "Nothing was sent: a template ('" + template + "' in "
                    + terms.field(MessageField.TEMPLATE) + ") goes only as a private message, and this reply is "
                    + terms.choice(ReplyVisibility.PUBLIC) + ". Set " + terms.field(MessageField.REPLY_VISIBILITY) + " to "
                    + terms.choice(ReplyVisibility.PRIVATE) + ", or clear " + terms.field(MessageField.TEMPLATE) + ".");
        }
    }

    /**
     * Why the brand may not send this customer an automated direct message now (a follow-up, a survey):
     * the network has no private messages, or its standard messaging window has closed. Automated
     * messages never carry a late-reply tag (Meta's {@code HUMAN_AGENT} is for people only) nor use a
     * comment's one private reply. Empty when it may.
     */
    public Optional<String> directMessageClosed(Conversation conversation) {
        Network network = conversation.network();
        Optional<PrivateMessages> messages = channels.find(network).flatMap(Channel::privateMessages);
        if (messages.isEmpty()) {
            return Optional.of(network.displayName() + " has no private messages for the brand");
        }
        Window window = window(network, messages.get());
        Instant opened = window.fromPrivateMessages() ? conversation.lastPrivateMessageAt() : conversation.lastCustomerMessageAt();
        if (window.length() == null || opened != null && !opened.plus(window.length()).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(window.describe("the customer", opened, network, messages.get()));
    }

    /**
     * How long after someone wrote the brand may message them, and from what it counts: a network's own
     * window (Meta's) opens only when the person writes privately; an administrator's {@code dmWindow} on a
     * network without one counts from their last message of any kind.
     */
    private record Window(Duration length, boolean fromPrivateMessages) {
        String describe(String who, Instant opened, Network network, PrivateMessages messages) {
            String since = opened == null ? who + " has not written privately here" : who + " last wrote"
                    + (fromPrivateMessages ? " privately" : "") + " at " + opened;
            return since + "; " + network.displayName() + " lets the brand send a direct message only within "
                    + hours(length) + " of " + (fromPrivateMessages ? "the person's last private message" : "that")
                    + (messages.templatesOutsideWindow() ? " (after it, only a template the network approved)" : "");
        }
    }

    private Window window(Network network, PrivateMessages messages) {
        Duration configured = messagingWindows.get(network);
        boolean own = messages.window() != null;
        return new Window(configured != null ? configured : messages.window(), own);
    }

    private static String hours(Duration d) {
        return d.toDays() >= 2 && d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + "h";
    }

    /**
     * How a private message goes now: plainly, with the network's late-reply tag, or as a comment's one
     * private reply; until when that holds (null: no end); or, when nothing may go, why.
     */
    private record PrivateRoute(String tag, String answersComment, Instant until, String closed) {
        static final PrivateRoute PLAIN = new PrivateRoute(null, null, null, null);
    }

    /**
     * How the brand may write privately to this person now, by the network's rules: inside the messaging
     * window plainly; after it, where a human agent may still write, with the network's tag; else, where a
     * public comment may be answered privately once, as that reply to their latest comment; else not.
     */
    private PrivateRoute privateRoute(Network network, PrivateMessages messages, Participants.Participant recipient) {
        Window window = window(network, messages);
        if (window.length() == null) {
            return PrivateRoute.PLAIN;
        }
        Instant now = clock.instant();
        Instant opened = window.fromPrivateMessages() ? recipient.lastWrotePrivatelyAt() : recipient.lastWroteAt();
        if (!window.fromPrivateMessages() && opened == null) {
            return PrivateRoute.PLAIN; // an administrator's window, on someone the plugin never heard from
        }
        if (opened != null && !opened.plus(window.length()).isBefore(now)) {
            return new PrivateRoute(null, null, opened.plus(window.length()), null);
        }
        Optional<PrivateMessages.LateReplies> late = messages.lateReply();
        if (opened != null && late.isPresent() && !opened.plus(late.get().upTo()).isBefore(now)) {
            return new PrivateRoute(late.get().tag(), null, opened.plus(late.get().upTo()), null);
        }
        Participants.Written comment = recipient.latestPublic();
        Duration commentWindow = messages.commentReplyWindow();
        boolean commentOpen = commentWindow != null && comment != null && !recipient.publicAnsweredPrivately()
                && comment.at() != null && !comment.at().plus(commentWindow).isBefore(now);
        if (commentOpen) {
            return new PrivateRoute(null, comment.messageId(), comment.at().plus(commentWindow), null);
        }
        StringBuilder why = new StringBuilder(window.describe("@" + recipient.handle(), opened, network, messages));
        late.ifPresent(l -> why.append(", and a person up to ").append(hours(l.upTo())).append(" with the ")
                .append(l.tag()).append(" tag"));
        if (commentWindow != null && comment != null) {
            why.append(recipient.publicAnsweredPrivately()
                    ? "; their comment " + comment.messageId() + " was already answered privately, which "
                    + network.displayName() + " allows once"
                    : "; their comment " + comment.messageId() + " of " + comment.at() + " is older than the "
                    + hours(commentWindow) + " in which " + network.displayName() + " allows one private reply to it");
        }
        return new PrivateRoute(null, null, null, why.toString());
    }

    /**
     * What the brand may send this conversation's customer privately now, for the ticket, on a network
     * with its own messaging window (Meta's), e.g. "Private: open until 2026-12-08 09:15 UTC, then with the
     * HUMAN_AGENT tag until 2026-12-14 09:15 UTC"; empty on a network without one (nothing changes with time).
     */
    public Optional<String> privateNow(Conversation conversation, Participants writers) {
        Network network = conversation.network();
        Optional<PrivateMessages> messages = channels.find(network).flatMap(Channel::privateMessages);
        if (messages.isEmpty() || messages.get().window() == null) {
            return Optional.empty();
        }
        PrivateRoute route = privateRoute(network, messages.get(), writers.customer());
        if (messages.get().templatesOutsideWindow() && route.closed() != null) {
            return Optional.of("Private: only an approved template now");
        }
        if (messages.get().templatesOutsideWindow() && route.tag() == null && route.answersComment() == null) {
            return Optional.of("Private: open until " + shown(route.until()) + ", then only an approved template");
        }
        if (route.closed() != null) {
            return Optional.of("Private: closed now (" + (writers.customer().latestPublic() != null
                    ? "reply Public; a private reply is possible again once they message the Page"
                    : "a private reply is possible again once they write") + ")");
        }
        if (route.answersComment() != null) {
            return Optional.of("Private: one private reply to their comment " + route.answersComment() + ", until "
                    + shown(route.until()));
        }
        if (route.tag() != null) {
            return Optional.of("Private: with the " + route.tag() + " tag, until " + shown(route.until()));
        }
        Optional<PrivateMessages.LateReplies> late = messages.get().lateReply();
        Instant opened = route.until() == null ? null : route.until().minus(window(network, messages.get()).length());
        return Optional.of("Private: open until " + shown(route.until()) + late.filter(l -> opened != null)
                .map(l -> ", then with the " + l.tag() + " tag until " + shown(opened.plus(l.upTo()))).orElse(""));
    }

    private static String shown(Instant at) {
        return SHOWN.format(at);
    }

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** @param template the approved template to send (its placeholders filled from {@code text}), or null */
    private OutboundPost directMessage(String text, String template, Conversation conversation,
                                       Participants.Participant recipient) {
        Network network = conversation.network();
        Channel channel = channels.of(network);
        DirectMessageLimit limit = DirectMessageLimit.of(channel);
        PrivateMessages messages = channel.privateMessages().orElseThrow();
        PrivateRoute route = privateRoute(network, messages, recipient);
        if (template != null) {
            // Approved templates go at any time, the window's end included (refuseUnsendable checked the network).
            return new OutboundPost(network, ReplyVisibility.PRIVATE, limit.check(text), null, recipient.accountId(),
                    recipient.handle(), false, null, template);
        }
        if (route.closed() != null && messages.templatesOutsideWindow()) {
            throw new ReplyRefusedException(templateOnly(network, messages, recipient));
        }
        if (route.closed() != null) {
            String reason = route.closed();
            boolean publicThread = recipient.latestPublic() != null;
            throw new ReplyRefusedException(terms -> "Nothing was sent: " + reason + ". "
                    + (publicThread ? "Reply " + terms.choice(ReplyVisibility.PUBLIC) + " (asking them to message the Page),"
                    + " then answer privately once they write." : "Wait until they write again; their message opens the"
                    + " window."));
        }
        if (messages.addressing() == PrivateMessages.Addressing.MENTION) {
            // Such a direct message is a status that every account it mentions receives.
            text = Mentions.prefix(text, recipient.handle(), List.of(), null);
            List<Handle> others = Mentions.othersInMastodonStatus(text, Handle.parse(recipient.handle()));
            if (!others.isEmpty()) {
                throw new ReplyRefusedException("Nothing was sent: on " + network.displayName() + " a private reply is a"
                        + " direct status that every account it mentions receives, and this one would also reach "
                        + others.stream()
                        .map(Handle::toString).collect(java.util.stream.Collectors.joining(", ")) + " besides @"
                        + recipient.handle() + ". Remove those @handles from the text (write the name without @), or reply"
                        + " publicly.");
            }
        }
        return new OutboundPost(network, ReplyVisibility.PRIVATE, limit.check(text), route.answersComment(),
                recipient.accountId(), recipient.handle(), false, route.tag());
    }

    /**
     * Why free text cannot go now on a network where only approved templates may be sent after the window
     * (WhatsApp), and the agent's two ways on: a template, or waiting for the customer.
     */
    private Function<DeskTerms, String> templateOnly(Network network, PrivateMessages messages,
                                                     Participants.Participant recipient) {
        Window window = window(network, messages);
        Instant opened = window.fromPrivateMessages() ? recipient.lastWrotePrivatelyAt() : recipient.lastWroteAt();
        String name = network.displayName();
        String length = window.length().toHours() + " hours";
        String since = (opened == null ? "the customer has not written here yet" : "the customer last wrote at "
                + shown(opened)) + ", and " + name + " allows free text only within " + length + " of the customer's last"
                + " message" + (opened == null ? "" : " (that window closed at " + shown(opened.plus(window.length())) + ")");
        return terms -> "Nothing was sent: " + since + ". To write to them now, pick an approved template in "
                + terms.field(MessageField.TEMPLATE) + " and send the reply again: its placeholders ({{1}}, {{2}}…) are"
                + " filled from the reply's text, one line each, in order. Or wait until the customer writes again: their"
                + " message opens the window for another " + length + ".";
    }

    /** A public reply answering the latest public customer message, as one post or a numbered thread. */
    private List<OutboundPost> inThread(String text, Conversation conversation, List<String> participants) {
        if (conversation.lastPublicCustomerMessageId() == null) {
            throw new ReplyRefusedException(terms -> "The customer has written only privately on this ticket, so there is no"
                    + " public post to answer; send the reply as " + terms.choice(ReplyVisibility.PRIVATE) + ".");
        }
        Network network = conversation.network();
        Channel channel = channels.of(network);
        PublicReplies replies = channel.publicReplies().orElseThrow(() -> new ReplyRefusedException(terms ->
                "Nothing was sent: " + network.displayName() + " has no public replies; send the reply as "
                        + terms.choice(ReplyVisibility.PRIVATE) + "."));
        String withHandles = replies.mentionsAuthor()
                ? Mentions.prefix(text, conversation.lastPublicAuthorHandle(), participants, null) : text;
        int limit = replies.limit();
        List<String> parts;
        if (maxThreadParts == 1 || replies.threads() == PublicReplies.Threads.NONE) {
            PostLength length = PostLength.of(replies.length());
            int count = length.count(withHandles);
            if (count > limit) {
                throw new ReplyRefusedException(terms -> "The public reply is " + count + " characters as " + network.displayName()
                        + " counts them (links count " + length.linkLength() + "); the limit is " + limit
                        + ". Shorten it by " + (count - limit) + " or send it as " + terms.choice(ReplyVisibility.PRIVATE)
                        + ".");
            }
            parts = List.of(withHandles);
        } else {
            parts = ThreadSplit.of(channel).split(withHandles, limit, maxThreadParts);
        }
        List<OutboundPost> posts = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            posts.add(new OutboundPost(network, ReplyVisibility.PUBLIC, parts.get(i),
                    i == 0 ? conversation.lastPublicCustomerMessageId() : null, null, i > 0));
        }
        return guarded(posts);
    }

    private List<OutboundPost> guarded(List<OutboundPost> posts) {
        List<Finding> found = new ArrayList<>();
        for (OutboundPost p : posts) {
            found.addAll(guard.inspect(p.text()));
        }
        if (!found.isEmpty()) {
            throw new ReplyBlockedException(found);
        }
        return posts;
    }
}
