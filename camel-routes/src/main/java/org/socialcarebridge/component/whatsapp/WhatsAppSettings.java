package org.socialcarebridge.component.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.component.graph.GraphSettings;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.network.whatsapp.cfg}: which WhatsApp Business Account and phone number,
 * the system user's token, where the Graph API is and how often the approved templates are read. The
 * webhook itself (app secret, verify token) is the Meta app's, in {@code org.socialcarebridge.network.meta.cfg}.
 *
 * @param accessToken a system user's token with whatsapp_business_messaging and whatsapp_business_management;
 *                    never shown
 */
public record WhatsAppSettings(boolean enabled, String graphUrl, String businessAccountId, String phoneNumberId,
                               String accessToken, Duration templateSyncInterval) {
    public static final String PID = "org.socialcarebridge.network.whatsapp";
    public static final String FILE = "etc/" + PID + ".cfg";
    public static final String DEFAULT_GRAPH_URL = GraphSettings.DEFAULT_GRAPH_URL;
    public static final Duration DEFAULT_TEMPLATE_SYNC_INTERVAL = Duration.ofMinutes(5);
    private static final String DIGITS = "write the numeric id, digits only, as Meta shows it";
    static final Set<String> KEYS = Set.of("enabled", "graphUrl", "businessAccountId", "phoneNumberId", "accessToken",
            "templateSyncInterval");

    public static WhatsAppSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        if (!s.enabled()) {
            s.allowOnly(KEYS);
            s.check();
            return new WhatsAppSettings(false, DEFAULT_GRAPH_URL, null, null, null, DEFAULT_TEMPLATE_SYNC_INTERVAL);
        }
        String graphUrl = GraphSettings.graphUrl(s);
        String account = GraphSettings.numericId(s, "businessAccountId", "write the WhatsApp Business Account's id"
                + " (WhatsApp Manager, Account tools, or the app's WhatsApp, API Setup page)",
                "a WhatsApp Business Account id", DIGITS);
        String number = GraphSettings.numericId(s, "phoneNumberId", "write the phone number's id, not the number itself"
                + " (the app's WhatsApp, API Setup page, Phone number ID)", "a phone number id", DIGITS);
        String token = s.secret("accessToken", "put a system user's access token here (Business settings, System users;"
                + " with whatsapp_business_messaging and whatsapp_business_management)");
        Duration sync = s.duration("templateSyncInterval", DEFAULT_TEMPLATE_SYNC_INTERVAL, Duration.ofSeconds(10),
                Duration.ofHours(24));
        s.allowOnly(KEYS);
        s.check();
        return new WhatsAppSettings(true, graphUrl, account, number, token, sync);
    }

    @Override
    public String toString() {
        return "WhatsAppSettings[enabled=" + enabled + ", graphUrl=" + graphUrl + ", businessAccountId=" + businessAccountId
                + ", phoneNumberId=" + phoneNumberId + ", templateSyncInterval=" + templateSyncInterval
                + ", accessToken=****]";
    }
}
