package org.socialcarebridge.runtime;

import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/** {@code etc/org.socialcarebridge.http.cfg}: where the plugin serves health and RT's notifications. */
record HttpSettings(String host, int port) {
    static final String PID = "org.socialcarebridge.http";

    static HttpSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        String host = s.text("host", "127.0.0.1", "");
        int port = s.integer("port", 8181, 1, 65535);
        s.allowOnly(Set.of("host", "port"));
        s.check();
        return new HttpSettings(host, port);
    }

    /** The Camel endpoint prefix of everything the plugin serves. */
    String baseUri() {
        return "jetty:http://" + host + ":" + port + "/socialcare";
    }
}
