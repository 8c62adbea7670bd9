package org.socialcarebridge.component.whatsapp;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Inbound;
import org.socialcarebridge.channel.LengthRule;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.PublicReplies;

/**
 * A WhatsApp Business number as the domain sees it (the Cloud API): customers' messages arrive by Meta's
 * signed webhook ({@code whatsapp_business_account}); everything the brand says is a private message to
 * the customer's number. Free text may be sent for 24 hours after the customer's last message
 * ({@link #SERVICE_WINDOW}); after that only an approved message template, which the agent picks
 * ({@code templatesOutsideWindow}). One ticket per customer and business number ({@link #privateThreads()}).
 */
public final class WhatsAppChannel implements Channel {
    public static final Network WHATSAPP = Network.declare("whatsapp", "WhatsApp");
    /** WhatsApp counts characters as written; a link counts in full. */
    public static final LengthRule LENGTH = new LengthRule(LengthRule.Counting.CODE_POINTS, 1, false);
    /** The Cloud API's limit on a text message's body. */
    public static final int TEXT_LIMIT = 4096;
    /** The customer-service window after the customer's last message. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** A wa_id is a phone number in international form without +: E.164 allows at most 15 digits. */
    static final int LONGEST_NUMBER = 15;

    @Override
    public Network network() {
        return WHATSAPP;
    }

    @Override
    public Set<Inbound> receives() {
        return Set.of(new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.WEBHOOK));
    }

    /** A business has no public place on WhatsApp: nothing it says is public. */
    @Override
    public Optional<PublicReplies> publicReplies() {
        return Optional.empty();
    }

    /** No human-agent tag reaches past the window and no comment exists to answer privately: templates instead. */
    @Override
    public Optional<PrivateMessages> privateMessages() {
        return Optional.of(new PrivateMessages(TEXT_LIMIT, LENGTH, PrivateMessages.Addressing.ACCOUNT, SERVICE_WINDOW,
                true, null, null));
    }

    /**
     * A WhatsApp message's ticket is the one of its customer and business number, never the customer's latest
     * ticket on another number.
     */
    @Override
    public boolean privateThreads() {
        return true;
    }

    /**
     * The Cloud API takes no idempotency key, and no API lists what a number sent, so an attempt whose answer
     * never came cannot be looked up: {@link WhatsAppNetworkClient#findPosted} says so, and after the outbox's
     * patience a human decides, rather than the customer maybe getting the message twice.
     */
    @Override
    public Duplicates duplicates() {
        return Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN;
    }

    /**
     * The wa_id (the phone number's digits) is account and handle, never shown as {@code @handle}; the profile
     * name, the customer's own choice, is the name. A number leads to no profile address.
     */
    @Override
    public Identities identities() {
        return new Identities(LONGEST_NUMBER, false, null, false);
    }
}
