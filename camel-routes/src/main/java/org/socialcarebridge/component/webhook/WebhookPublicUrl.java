package org.socialcarebridge.component.webhook;

import java.net.URI;

import org.socialcarebridge.settings.Settings;

/**
 * A webhook's {@code publicUrl} setting, read alike for every network that pushes: the HTTPS URL the
 * network delivers to, at the TLS reverse proxy, or plain HTTP on this machine for a simulator.
 */
public final class WebhookPublicUrl {
    private WebhookPublicUrl() {
    }

    /**
     * Reads {@code publicUrl} into {@code s}'s problems: null when it is not set.
     *
     * @param network who delivers to it, e.g. {@code Meta}, in the problem's text
     * @param name    the webhook's name, the last segment of its path, e.g. {@code meta}
     */
    public static String read(Settings s, String network, String name) {
        if (s.text("publicUrl", "", "").isEmpty()) {
            return null;
        }
        String url = s.url("publicUrl", null, "write the HTTPS URL " + network + " delivers to, at your reverse proxy, e.g."
                + " https://social.example.com/socialcare/webhooks/" + name);
        if (url != null && !url.startsWith("https://") && !loopback(url)) {
            s.problem("publicUrl", network + " delivers only to HTTPS URLs", "put the plugin behind a TLS reverse proxy and"
                    + " write its https:// URL (docs/admin-guide.md, The Meta webhook behind a TLS reverse proxy; X's is the same)");
        }
        return url;
    }

    /** The simulator's plain-HTTP URL on this machine. */
    private static boolean loopback(String url) {
        String host = URI.create(url).getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
