package org.socialcarebridge.reply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.MessageField;

/**
 * Who has written in a conversation, and so who a private reply may go to. A private reply carries the
 * customer's case, so it goes to the ticket's customer, or to another participant only when the agent
 * names them (Social Reply To): never to whoever happened to write last, nor to an account that has not
 * written in this conversation, nor to one on another network.
 */
public final class Participants {
    /** {@code x:123} or {@code x:123 @maria}, as the transaction's Social Recipient shows a recipient. */
    private static final Pattern ACCOUNT = Pattern.compile("([a-z][a-z0-9-]*):(\\S+)(?:\\s+@?\\S+)?");

    /**
     * Someone who wrote in the conversation.
     *
     * @param handle               their latest handle
     * @param lastWroteAt          when they last wrote, by the network's clock
     * @param lastWrotePrivatelyAt when they last wrote privately, or null: Meta's messaging window counts from it
     * @param latestPublic         their latest public message, or null
     * @param publicAnsweredPrivately whether the brand has already answered that public message privately
     */
    public record Participant(String accountId, String handle, Instant lastWroteAt, Instant lastWrotePrivatelyAt,
                              Written latestPublic, boolean publicAnsweredPrivately) {
        /** Someone whose every message was private, the last at {@code lastWroteAt}. */
        public Participant(String accountId, String handle, Instant lastWroteAt) {
            this(accountId, handle, lastWroteAt, lastWroteAt, null, false);
        }

        String mention() {
            return "@" + handle;
        }
    }

    /** One message someone wrote in the conversation, as the ledger keeps it. */
    public record Written(String accountId, String handle, Instant at, String messageId, Visibility visibility) {
    }

    private final Network network;
    private final Participant customer;
    /** Everyone who wrote, the customer first, each account once. */
    private final List<Participant> all;

    private Participants(Network network, Participant customer, List<Participant> all) {
        this.network = network;
        this.customer = customer;
        this.all = List.copyOf(all);
    }

    /** The customer alone, for a caller that knows nobody else in the conversation. */
    public static Participants customerOf(Conversation conversation) {
        return of(conversation, List.of());
    }

    /**
     * @param wrote the conversation's messages, oldest first (the latest handle of an account wins)
     */
    public static Participants of(Conversation conversation, List<Written> wrote) {
        return of(conversation, wrote, Set.of());
    }

    /**
     * @param wrote             the conversation's messages, oldest first (the latest handle of an account wins)
     * @param answeredPrivately ids of public messages the brand has already answered privately
     */
    public static Participants of(Conversation conversation, List<Written> wrote, Set<String> answeredPrivately) {
        Map<String, Participant> byAccount = new LinkedHashMap<>();
        for (Written w : wrote) {
            Participant before = byAccount.get(w.accountId());
            Instant privately = w.visibility() == Visibility.PRIVATE ? w.at()
                    : before == null ? null : before.lastWrotePrivatelyAt();
            Written latestPublic = w.visibility() == Visibility.PUBLIC ? w : before == null ? null : before.latestPublic();
            byAccount.put(w.accountId(), new Participant(w.accountId(), w.handle(), w.at(), privately, latestPublic,
                    latestPublic != null && answeredPrivately.contains(latestPublic.messageId())));
        }
        Participant customer = byAccount.getOrDefault(conversation.customerAccountId(), new Participant(
                conversation.customerAccountId(), conversation.customerHandle(), conversation.lastCustomerMessageAt(),
                conversation.lastPrivateMessageAt(), null, false));
        List<Participant> all = new ArrayList<>();
        all.add(customer);
        byAccount.values().stream().filter(p -> !p.accountId().equals(customer.accountId())).forEach(all::add);
        return new Participants(conversation.network(), customer, all);
    }

    public Participant customer() {
        return customer;
    }

    /**
     * Who receives a private reply: the customer, or the participant {@code replyTo} names ({@code @handle},
     * {@code handle}, or {@code network:account id} as Social Recipient shows it; any case).
     *
     * @throws ReplyRefusedException naming the value and the participants allowed, when it names nobody
     *                               who wrote here on this network, or several accounts
     */
    public Participant recipient(String replyTo) {
        if (replyTo == null || replyTo.isBlank()) {
            return customer;
        }
        String value = replyTo.strip();
        Matcher account = ACCOUNT.matcher(value);
        List<Participant> matches;
        if (account.matches()) {
            if (!account.group(1).equals(network.key())) {
                throw refused(value, "is an account on another network than this " + network.displayName()
                        + " conversation");
            }
            matches = all.stream().filter(p -> p.accountId().equals(account.group(2))).toList();
        } else {
            String handle = (value.startsWith("@") ? value.substring(1) : value).toLowerCase(Locale.ROOT);
            matches = all.stream().filter(p -> p.handle() != null && p.handle().toLowerCase(Locale.ROOT).equals(handle))
                    .toList();
        }
        if (matches.size() > 1) {
            throw refused(value, "names several accounts that wrote here; write it as the account, e.g. "
                    + network.key() + ":" + matches.get(0).accountId());
        }
        if (matches.isEmpty()) {
            throw refused(value, "has not written in this conversation");
        }
        return matches.get(0);
    }

    private ReplyRefusedException refused(String value, String why) {
        String allowed = describe();
        return new ReplyRefusedException(terms -> "Nothing was sent: " + terms.field(MessageField.REPLY_TO) + " is '" + value
                + "', which " + why + ". A private reply goes only to someone who wrote in this conversation on "
                + network.displayName() + ": " + allowed + ". Put one of them in " + terms.field(MessageField.REPLY_TO)
                + ", or clear it to answer the customer.");
    }

    /** The participants as an agent can write them, e.g. {@code @alice (the customer, x:2001), @bob (x:2002)}. */
    String describe() {
        List<String> names = new ArrayList<>();
        for (Participant p : all) {
            names.add(p.mention() + " (" + (p == customer ? "the customer, " : "") + network.key() + ":" + p.accountId() + ")");
        }
        return String.join(", ", names);
    }
}
