package org.socialcarebridge.host;

import java.util.Optional;

import org.socialcarebridge.conversation.SocialIdentity;

/**
 * The help desk's people on the customer's side: the user that stands for a social identity, found or
 * created, and whether the business values them most. One role of the {@link HostGateway}.
 */
public interface CustomerDirectory {
    /**
     * The host user standing for this identity, created on first contact (no invented e-mail); the host may
     * create it together with the first ticket opened for it, to spare a request.
     */
    HostCustomer customerFor(SocialIdentity identity);

    /** The existing host customer with this e-mail address, if there is one (identity linking). */
    Optional<HostCustomer> customerByEmail(String email);

    /** Whether the help desk marks this customer as one the business values most (RT: group Social VIP). */
    boolean valuedCustomer(HostCustomer customer);
}
