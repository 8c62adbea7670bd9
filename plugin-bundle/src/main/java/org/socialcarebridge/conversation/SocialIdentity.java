package org.socialcarebridge.conversation;

import java.util.Objects;

/**
 * Who wrote a message, as the network knows them. The account id is stable; the handle may change,
 * so everything is keyed by {@link #accountId()}.
 */
public record SocialIdentity(Network network, String accountId, String handle, String displayName,
                             String profileUrl, long followers, boolean verified) {
    public SocialIdentity {
        Objects.requireNonNull(network, "network");
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("A social identity needs the network's account id");
        }
    }

    /** The stable key of this identity across handle renames, e.g. {@code x:1002}. */
    public String key() {
        return network.key() + ":" + accountId;
    }
}
