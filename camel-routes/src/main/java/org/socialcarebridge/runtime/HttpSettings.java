package org.socialcarebridge.runtime;

import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.http.cfg}: where the plugin serves health, RT's notifications and
 * the admin API. Without an {@code adminToken} the admin API answers 403.
 */
record HttpSettings(String host, int port, String adminToken) {
    static final String PID = "org.socialcarebridge.http";

    static HttpSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        String host = s.text("host", "127.0.0.1", "");
        int port = s.integer("port", 8181, 1, 65535);
        String token = values.get("adminToken") == null ? null : String.valueOf(values.get("adminToken")).strip();
        if (token != null && token.length() < 16) {
            s.problem("adminToken", "it is shorter than 16 characters", "use a long random value, e.g. openssl rand -hex 24");
        }
        s.allowOnly(Set.of("host", "port", "adminToken"));
        s.check();
        return new HttpSettings(host, port, token == null || token.isEmpty() ? null : token);
    }

    /** The Camel endpoint prefix of everything the plugin serves. */
    String baseUri() {
        return "jetty:http://" + host + ":" + port + "/socialcare";
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", adminToken=" + (adminToken == null ? "none" : "****") + "]";
    }
}
