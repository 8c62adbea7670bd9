package org.socialcarebridge.routes.channel;

import java.math.BigInteger;
import java.util.List;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;

/** One stream a channel reads (X mentions, X direct messages, Mastodon notifications), each with its own persisted cursor. */
public interface Feed {
    /** The cursor's name in the plugin's store, e.g. {@code x:mentions}. */
    String cursor();

    /** Everything newer than {@code since} (null: what the API still has), and the newest id seen. */
    Page read(SocialIdentity brand, String since);

    record Page(List<InboundMessage> messages, String newest) {
    }

    /** X's and Mastodon's ids are 64-bit numbers in strings; compare them as numbers. */
    static boolean newer(String a, String b) {
        try {
            return new BigInteger(a).compareTo(new BigInteger(b)) > 0;
        } catch (NumberFormatException e) {
            return a.compareTo(b) > 0;
        }
    }
}
