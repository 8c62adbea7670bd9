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
 * The channels this installation knows, by network: what each network allows, asked by replies, triage and
 * the follow-ups. Each channel hands its description when it attaches ({@link #attach}); a description stays
 * when its channel detaches, so a reply to that network waits for it rather than fails. Reads never lock: an
 * attachment swaps in a new map.
 */
public final class Channels {
    private volatile Map<Network, Channel> byNetwork;

    private Channels(Map<Network, Channel> byNetwork) {
        this.byNetwork = Collections.unmodifiableMap(byNetwork);
    }

    /** No channel yet: the runtime's registry before the channels attach. */
    public static Channels none() {
        return new Channels(new LinkedHashMap<>());
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

    /**
     * A channel's description, handed as it attaches; it replaces the one its network had (the same channel
     * attached again after a settings change) and keeps that network's place in the order.
     *
     * @return whether its network is new here
     */
    public synchronized boolean attach(Channel channel) {
        Map<Network, Channel> next = new LinkedHashMap<>(byNetwork);
        boolean added = next.put(channel.network(), channel) == null;
        byNetwork = Collections.unmodifiableMap(next);
        return added;
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
        Map<Network, Channel> byNetwork = this.byNetwork;
        Channel c = byNetwork.get(network);
        if (c == null) {
            throw new IllegalStateException("The " + network.displayName() + " channel is not running (check its"
                    + " settings); running: " + (byNetwork.isEmpty() ? "none" : String.join(", ", keys(byNetwork))));
        }
        return c;
    }

    /** The running networks' keys, in the order they were registered, e.g. {@code [x, mastodon]}. */
    public Set<String> keys() {
        return keys(byNetwork);
    }

    private static Set<String> keys(Map<Network, Channel> byNetwork) {
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
        return networks().stream().filter(n -> n.key().equalsIgnoreCase(k)).findFirst();
    }

    /** The channels attached so far, in the order they first attached. */
    public Collection<Channel> all() {
        return byNetwork.values();
    }

    @Override
    public String toString() {
        return "Channels" + keys();
    }
}
