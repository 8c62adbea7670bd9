package org.socialcarebridge.conversation;

import java.util.Objects;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.persistence.ColumnText;

/**
 * Who wrote a message, as the network knows them. The account id is stable; the handle may change,
 * so everything is keyed by {@link #accountId()}.
 *
 * <p>Every field comes from the internet and fits its column: the mappers cut an overlong handle, name
 * or URL and say so in the message's remarks (with the original in full); the cut here is only the
 * safety net for any other path, so that no value can fail the transaction that stores it.
 */
public record SocialIdentity(Network network, String accountId, String handle, String displayName,
                             String profileUrl, long followers, boolean verified) {
    /** Longer than any network's account id (X: up to 19 digits; Mastodon: a snowflake string). */
    public static final int ACCOUNT_ID_LENGTH = 100;
    public static final int HANDLE_LENGTH = 200;
    public static final int NAME_LENGTH = 400;
    public static final int URL_LENGTH = 1000;

    public SocialIdentity {
        Objects.requireNonNull(network, "network");
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("A social identity needs the network's account id");
        }
        if (accountId.length() > ACCOUNT_ID_LENGTH) {
            // Cutting an id could make two people one customer: such an account is unreadable instead.
            throw new IllegalArgumentException("The " + network.displayName() + " account id is " + accountId.length()
                    + " characters long, longer than any network's (at most " + ACCOUNT_ID_LENGTH + "): "
                    + ColumnText.cut(accountId, 60) + "; the message is not readable as it is");
        }
        handle = ColumnText.cut(handle, HANDLE_LENGTH);
        displayName = ColumnText.cut(displayName, NAME_LENGTH);
        profileUrl = ColumnText.cut(profileUrl, URL_LENGTH);
    }

    /** The stable key of this identity across handle renames, e.g. {@code x:1002}. */
    public String key() {
        return network.key() + ":" + accountId;
    }
}
