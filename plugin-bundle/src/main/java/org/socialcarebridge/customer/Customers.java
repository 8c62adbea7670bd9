package org.socialcarebridge.customer;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.host.CustomerDirectory;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One help desk customer per person, not per handle. Each social identity is its own customer
 * (keyed by the network's stable account id, so a renamed handle stays the same customer) until an
 * administrator links it to another identity or to an existing customer's e-mail address.
 */
public final class Customers {
    private static final Logger LOG = LoggerFactory.getLogger(Customers.class);
    private static final Pattern IDENTITY = Pattern.compile("(x|mastodon):[A-Za-z0-9_-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");
    /** Links may chain (mastodon → x → e-mail); a longer chain than this is a mistake. */
    private static final int MAX_CHAIN = 8;

    private final CustomerStore store;
    private final CustomerDirectory host;
    private final Clock clock;

    public Customers(Database db, CustomerDirectory host, Clock clock) {
        this.store = new CustomerStore(db);
        this.host = host;
        this.clock = clock;
    }

    /** The host's customer for a message's author: the linked person if any, else the identity's own. */
    public HostCustomer hostCustomerFor(SocialIdentity identity) {
        String root = resolve(identity.key());
        if (root.equals(identity.key())) {
            return host.customerFor(identity);
        }
        if (root.startsWith(CustomerLink.EMAIL_PREFIX)) {
            String email = root.substring(CustomerLink.EMAIL_PREFIX.length());
            Optional<HostCustomer> linked = host.customerByEmail(email);
            if (linked.isPresent()) {
                return linked.get();
            }
            LOG.warn("{} is linked to {}, but the help desk has no such customer any more; using the identity's own",
                    identity.key(), email);
            return host.customerFor(identity);
        }
        return host.customerFor(lastSeen(root));
    }

    /**
     * Links an identity to another identity or to an existing customer's e-mail address.
     *
     * @param target an identity key such as {@code x:1002}, or an e-mail address
     * @param by     who asked (shown in the list of links)
     * @throws IllegalArgumentException with what is wrong and what to write instead
     */
    public CustomerLink link(String identityKey, String target, String by) {
        String key = identity(identityKey, "identity");
        String to;
        if (target != null && !IDENTITY.matcher(target.strip()).matches() && target.contains("@")) {
            String email = target.strip().toLowerCase(Locale.ROOT);
            if (email.startsWith(CustomerLink.EMAIL_PREFIX)) {
                email = email.substring(CustomerLink.EMAIL_PREFIX.length());
            }
            if (!EMAIL.matcher(email).matches()) {
                throw new IllegalArgumentException("'" + target + "' is not an e-mail address; write e.g. alice@example.com");
            }
            if (host.customerByEmail(email).isEmpty()) {
                throw new IllegalArgumentException("The help desk has no customer with the e-mail address " + email
                        + "; create the customer there first, or link to a social identity such as x:1002");
            }
            to = CustomerLink.EMAIL_PREFIX + email;
        } else {
            to = identity(target, "target");
            if (to.equals(key)) {
                throw new IllegalArgumentException("An identity cannot be linked to itself (" + key + ")");
            }
            if (resolveFrom(to, key).equals(key)) {
                throw new IllegalArgumentException("Linking " + key + " to " + to + " would make a loop, because " + to
                        + " already leads back to " + key + "; unlink one of them first");
            }
        }
        CustomerLink link = new CustomerLink(key, to, by, clock.instant());
        store.replace(link);
        LOG.info("Linked {} to {} (by {})", key, to, by);
        return link;
    }

    /** Removes an identity's link; answers whether there was one. */
    public boolean unlink(String identityKey, String by) {
        String key = identity(identityKey, "identity");
        boolean removed = store.remove(key);
        if (removed) {
            LOG.info("Unlinked {} (by {})", key, by);
        }
        return removed;
    }

    public List<CustomerLink> links() {
        return store.links();
    }

    public Optional<CustomerLink> linkOf(String identityKey) {
        String key = identity(identityKey, "identity");
        return Optional.ofNullable(store.link(key));
    }

    /** Where an identity's chain of links ends: an identity key or {@code email:…}. */
    public String resolve(String identityKey) {
        return resolveFrom(identityKey, null);
    }

    private String resolveFrom(String start, String stopAt) {
        String current = start;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < MAX_CHAIN && seen.add(current); i++) {
            if (current.equals(stopAt)) {
                return current;
            }
            CustomerLink link = store.link(current);
            if (link == null) {
                return current;
            }
            current = link.target();
        }
        return current;
    }

    /** The identity as the plugin last saw it (name, handle, profile), or just its key if never seen. */
    private SocialIdentity lastSeen(String identityKey) {
        int colon = identityKey.indexOf(':');
        Network network = Network.fromKey(identityKey.substring(0, colon));
        String accountId = identityKey.substring(colon + 1);
        return store.lastReceivedFrom(network, accountId).map(e -> e.message().author())
                .orElseGet(() -> new SocialIdentity(network, accountId, accountId, null, null, 0, false));
    }

    private static String identity(String value, String what) {
        String v = value == null ? "" : value.strip();
        if (!IDENTITY.matcher(v).matches()) {
            throw new IllegalArgumentException("The " + what + " '" + value + "' is not a social identity; write"
                    + " network:accountId, e.g. x:1002 or mastodon:109876 (the account id, not the handle)");
        }
        return v;
    }
}
