package org.socialcarebridge.channel;

import java.util.Optional;

/**
 * How a network's accounts are named and linked. The account id is what the plugin keys a customer
 * by ({@code x:1002}); the handle is what people see and may change.
 *
 * @param longestHandle the most characters a handle may have (without {@code @}), so a text with a
 *                      handle in it can be checked before any customer's handle is known
 * @param federated     whether a handle may name another server ({@code @user@server}, Mastodon)
 * @param profileLink   the profile address with {@code {handle}} for the handle; null when the
 *                      network gives each account's address itself
 * @param atHandles     whether accounts are shown as {@code @handle} (X, Mastodon); false where people are
 *                      shown by name (Facebook)
 */
public record Identities(int longestHandle, boolean federated, String profileLink, boolean atHandles) {

    /** Accounts shown as {@code @handle}. */
    public Identities(int longestHandle, boolean federated, String profileLink) {
        this(longestHandle, federated, profileLink, true);
    }

    public Identities {
        if (longestHandle < 1) {
            throw new IllegalArgumentException("A handle has at least 1 character; the longest was given as "
                    + longestHandle);
        }
        if (profileLink != null && !profileLink.contains("{handle}")) {
            throw new IllegalArgumentException("The profile link '" + profileLink + "' has no {handle}; write e.g."
                    + " https://x.com/{handle}");
        }
    }

    /** The account as people see it, e.g. {@code @alice}, or a person's name where there are no handles. */
    public String shown(String handle) {
        return !atHandles || handle.startsWith("@") ? handle : "@" + handle;
    }

    /** The account's profile address, when the network's addresses follow a pattern. */
    public Optional<String> linkTo(String handle) {
        if (profileLink == null) {
            return Optional.empty();
        }
        return Optional.of(profileLink.replace("{handle}", handle.startsWith("@") ? handle.substring(1) : handle));
    }
}
