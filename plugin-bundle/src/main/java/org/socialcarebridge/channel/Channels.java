package org.socialcarebridge.channel;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The channels this installation runs, by network. The runtime fills it with the channels that are
 * configured and hands it to whoever asks a channel's questions; it does not change afterwards (a
 * configuration change builds a new one).
 */
public final class Channels {
    private final Map<Network, Channel> byNetwork;

    private Channels(Map<Network, Channel> byNetwork) {
        this.byNetwork = Collections.unmodifiableMap(byNetwork);
    }

    public static Channels of(Channel... channels) {
        return of(List.of(channels));
    }

    /** @throws IllegalArgumentException when two channels describe the same network */
    public static Channels of(Collection<? extends Channel> channels) {
        Map<Network, Channel> byNetwork = new LinkedHashMap<>();
        for (Channel c : channels) {
            Channel earlier = byNetwork.putIfAbsent(c.network(), c);
            if (earlier != null) {
                throw new IllegalArgumentException("Two channels describe " + c.network().displayName() + ": "
                        + earlier.getClass().getName() + " and " + c.getClass().getName() + "; register one");
            }
        }
        return new Channels(byNetwork);
    }

    public Optional<Channel> find(Network network) {
        return Optional.ofNullable(byNetwork.get(network));
    }

    /**
     * The channel of a network the caller knows is running (a conversation on it exists).
     *
     * @throws IllegalStateException naming the network and the running ones when it is not running
     */
    public Channel of(Network network) {
        Channel c = byNetwork.get(network);
        if (c == null) {
            throw new IllegalStateException("The " + network.displayName() + " channel is not running (check its"
                    + " settings); running: " + (byNetwork.isEmpty() ? "none" : String.join(", ", keys())));
        }
        return c;
    }

    /** The running networks' keys, in the order they were registered, e.g. {@code [x, mastodon]}. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        byNetwork.keySet().forEach(n -> keys.add(n.key()));
        return Collections.unmodifiableSet(keys);
    }

    /** The running networks, in the order they were registered. */
    public Set<Network> networks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(byNetwork.keySet()));
    }

    /** The running network with this key (any case, surrounding spaces ignored). */
    public Optional<Network> network(String key) {
        String k = key == null ? "" : key.strip();
        return byNetwork.keySet().stream().filter(n -> n.key().equalsIgnoreCase(k)).findFirst();
    }

    public Collection<Channel> all() {
        return byNetwork.values();
    }

    @Override
    public String toString() {
        return "Channels" + keys();
    }
}
