package org.socialcarebridge.channel;

/** A social network the plugin listens to. The key prefixes ids stored in the ledger and the host. */
public enum Network {
    X("x", "X"),
    MASTODON("mastodon", "Mastodon");

    private final String key;
    private final String displayName;

    Network(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    public static Network fromKey(String key) {
        for (Network n : values()) {
            if (n.key.equals(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException("Unknown network '" + key + "'; expected one of x, mastodon");
    }
}
