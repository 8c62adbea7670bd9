package org.socialcarebridge.routes.rt;

import java.util.Map;

import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.host.HostUnavailableException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * One logged-in RT web session, reused for every request. A session cookie costs RT ~13 ms a
 * request where a token or basic auth costs ~250 ms (bcrypt on every call), so the plugin logs in
 * once and again only when RT answers 401.
 */
final class RtSession {
    private final HttpCall http;
    private final RtSettings settings;
    private volatile String cookie;

    RtSession(HttpCall http, RtSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** A request with the session cookie; logs in first if needed and once more on 401. */
    HttpAnswer send(String method, String path, String contentType, String body) {
        if (cookie == null) {
            login();
        }
        HttpAnswer answer = once(method, path, contentType, body);
        // An expired session answers 401, or 302 to the login page.
        if (answer.status() == 401 || answer.status() == 302) {
            login();
            answer = once(method, path, contentType, body);
        }
        if (answer.status() >= 500 || answer.status() == 0) {
            throw new HostUnavailableException("RT " + method + " " + path + " answered " + answer.status());
        }
        return answer;
    }

    private HttpAnswer once(String method, String path, String contentType, String body) {
        try {
            return http.send(method, settings.url() + path, Map.of("Cookie", cookie,
                    "Referer", settings.url() + "/", "Accept", "application/json"), contentType, body);
        } catch (HttpCall.UnreachableException e) {
            String problem = "RT at " + settings.url() + " is unreachable: " + e.getCause().getMessage();
            throw refusedConnection(e) ? HostUnavailableException.notReached(problem, e) : new HostUnavailableException(problem, e);
        }
    }

    /** A refused connection carried nothing to RT; a timeout may have (RT may still be writing). */
    private static boolean refusedConnection(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private synchronized void login() {
        HttpAnswer answer;
        try {
            answer = http.send("POST", settings.url() + "/NoAuth/Login.html", Map.of("Referer", settings.url() + "/"),
                    "application/x-www-form-urlencoded",
                    HttpCall.form(Map.of("user", settings.user(), "pass", settings.password())));
        } catch (HttpCall.UnreachableException e) {
            // Logging in comes before any write: whatever went wrong, nothing was written.
            throw HostUnavailableException.notReached("RT at " + settings.url() + " is unreachable: " + e.getCause().getMessage(), e);
        }
        if (answer.status() >= 500 || answer.status() == 0) {
            throw HostUnavailableException.notReached("RT login answered " + answer.status(), null);
        }
        String sessionCookie = answer.all("set-cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("RT_SID_"))
                .findFirst().orElse(null);
        // RT answers a failed login with 200 and the form again, so check the session really works.
        HttpAnswer me = sessionCookie == null ? null : http.send("GET", settings.url() + RtGateway.REST + "/user/"
                + HttpCall.encode(settings.user()), Map.of("Cookie", sessionCookie, "Accept", "application/json"), null, null);
        if (me == null || me.status() != 200) {
            throw new HostRejectedException("RT refused the login of user '" + settings.user()
                    + "' (check user and password in etc/" + RtSettings.PID + ".cfg; provisioning creates the user)");
        }
        cookie = sessionCookie;
    }
}
