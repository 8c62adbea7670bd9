package org.socialcarebridge.runtime;

import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.customer.CustomerLink;
import org.socialcarebridge.customer.Customers;

/**
 * The administrator's shell commands for identity links, in Karaf's console ({@code bin/client}):
 * <pre>
 * socialcare:link mastodon:109876 x:1002          the same person on two networks
 * socialcare:link x:1002 alice@example.com        an existing RT customer
 * socialcare:unlink mastodon:109876
 * socialcare:links
 * </pre>
 * Registered as plain Gogo commands (Karaf's console picks up services with these properties), so the
 * bundle needs no Karaf shell API at build time.
 */
@Component(service = CustomerLinkCommands.class, property = {
        "osgi.command.scope=socialcare",
        "osgi.command.function=link",
        "osgi.command.function=unlink",
        "osgi.command.function=links"})
public class CustomerLinkCommands {
    @Reference
    private SocialCareRuntime runtime;

    /*
     * Results are printed, not returned: Karaf prints a Gogo command's return value only in an
     * interactive console, and bin/client "command" runs it non-interactively. Gogo sends System.out
     * of the command's thread to the caller's session.
     */

    public void link(String identity, String to) {
        CustomerLink link = customers().link(identity, to, "karaf shell");
        System.out.println("Linked " + link.identityKey() + " to " + (link.email() != null ? link.email() : link.target())
                + "; new tickets of " + link.identityKey() + " carry that customer.");
    }

    public void unlink(String identity) {
        System.out.println(customers().unlink(identity, "karaf shell") ? "Unlinked " + identity : identity + " was not linked");
    }

    public void links() {
        var all = customers().links();
        System.out.println(all.isEmpty() ? "No identity links." : all.stream()
                .map(l -> l.identityKey() + " -> " + (l.email() != null ? l.email() : l.target())
                        + "  (" + l.linkedBy() + ", " + l.linkedAt() + ")")
                .collect(Collectors.joining("\n")));
    }

    private Customers customers() {
        return runtime.engine().map(SocialCareEngine::customers).orElseThrow(() -> new IllegalStateException(
                "Social Care Bridge is not running; see log:display for the setting to fix"));
    }
}
