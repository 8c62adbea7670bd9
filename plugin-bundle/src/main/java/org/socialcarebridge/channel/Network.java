package org.socialcarebridge.channel;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A social network the plugin listens to. The key prefixes ids stored in the ledger and the host; two
 * networks are the same when their keys are. A channel declares its network once, with the name people
 * read ({@link #declare}); X and Mastodon are declared here because the domain's tests and the stored
 * data name them, any later network in its own channel.
 */
public final class Network {
    /** Lower case, as in {@code x:1790}; stored upper case in a 20-character column. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]{0,19}");
    private static final Map<String, Network> DECLARED = new ConcurrentHashMap<>();

    public static final Network X = declare("x", "X");
    public static final Network MASTODON = declare("mastodon", "Mastodon");

    private final String key;
    private final String displayName;

    private Network(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    /**
     * The network with this key and name, known from now on to {@link #fromKey}; declaring it again with the
     * same name answers the same network (a channel's class may load twice in a refreshed bundle).
     *
     * @throws IllegalArgumentException when the key is not a lower-case word or is declared with another name
     */
    public static Network declare(String key, String displayName) {
        Network network = new Network(checked(key), Objects.requireNonNull(displayName, "displayName"));
        Network known = DECLARED.putIfAbsent(key, network);
        if (known != null && !known.displayName.equals(displayName)) {
            throw new IllegalArgumentException("The network '" + key + "' is declared as " + known.displayName
                    + " already, not " + displayName + "; one key, one name");
        }
        return known != null ? known : network;
    }

    /**
     * The network with this key: the declared one, or, for a key no channel declared (yet), a network named by
     * its key, so what is stored for a channel not installed is still read.
     *
     * @throws IllegalArgumentException when the key is not a lower-case word of at most 20 letters and digits
     */
    public static Network fromKey(String key) {
        Network known = key == null ? null : DECLARED.get(key);
        return known != null ? known : new Network(checked(key), key);
    }

    /** The network as stored in a {@code NETWORK} column: its key upper case, e.g. {@code MASTODON}. */
    public static Network fromStored(String stored) {
        return fromKey(stored == null ? null : stored.toLowerCase(Locale.ROOT));
    }

    private static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Unknown network '" + key + "': a network's key is a lower-case word"
                    + " of at most 20 letters and digits, e.g. x or mastodon");
        }
        return key;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** What the {@code NETWORK} columns hold, as when this was an enum stored by name: {@code X}, {@code MASTODON}. */
    public String stored() {
        return key.toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** As the enum printed it (logs, Camel headers shown in traces): {@code X}, {@code MASTODON}. */
    @Override
    public String toString() {
        return stored();
    }
}
