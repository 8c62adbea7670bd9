package org.socialcarebridge.routes.rt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.socialcarebridge.host.HostBusyException;
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
        String used = cookie;
        if (used == null) {
            used = login(null);
        }
        HttpAnswer answer = once(used, method, path, contentType, body);
        // An expired session answers 401, or 302 to the login page.
        if (answer.status() == 401 || answer.status() == 302) {
            answer = once(login(used), method, path, contentType, body);
        }
        if (answer.status() == 429 || answer.status() == 503) {
            throw new HostBusyException("RT " + method + " " + path + " answered " + answer.status()
                    + " (too busy for now)", retryAfter(answer.header("Retry-After")));
        }
        if (answer.status() >= 500 || answer.status() == 0) {
            throw new HostUnavailableException("RT " + method + " " + path + " answered " + answer.status());
        }
        return answer;
    }

    /** How long RT (or the proxy before it) asked to be left alone: seconds or an HTTP date; at most {@link #LONGEST_PAUSE}. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            try {
                asked = Duration.between(Instant.now(), ZonedDateTime.parse(header.strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException unreadable) {
                return Duration.ZERO;
            }
        }
        // A negative or absurd value (a misconfigured proxy) must not stop filing for long.
        return asked.isNegative() ? Duration.ZERO : asked.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : asked;
    }

    static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    private HttpAnswer once(String sessionCookie, String method, String path, String contentType, String body) {
        try {
            return http.send(method, settings.url() + path, Map.of("Cookie", sessionCookie,
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

    /**
     * Logs in unless another thread did since {@code stale} was read (filing threads meeting an expired
     * session together log in once); answers the cookie to use.
     */
    private synchronized String login(String stale) {
        String current = cookie;
        if (current != null && !current.equals(stale)) {
            return current;
        }
        HttpAnswer answer;
        try {
            answer = http.send("POST", settings.url() + "/NoAuth/Login.html", Map.of("Referer", settings.url() + "/"),
                    "application/x-www-form-urlencoded",
                    HttpCall.form(Map.of("user", settings.user(), "pass", settings.password())));
        } catch (HttpCall.UnreachableException e) {
            // Logging in comes before any write: whatever went wrong, nothing was written.
            throw HostUnavailableException.notReached("RT at " + settings.url() + " is unreachable: " + e.getCause().getMessage(), e);
        }
        if (answer.status() == 429 || answer.status() == 503) {
            throw new HostBusyException("RT login answered " + answer.status() + " (too busy for now)",
                    retryAfter(answer.header("Retry-After")));
        }
        if (answer.status() >= 500 || answer.status() == 0) {
            throw HostUnavailableException.notReached("RT login answered " + answer.status(), null);
        }
        String sessionCookie = answer.all("set-cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("RT_SID_"))
                .findFirst().orElse(null);
        // RT answers a failed login with 200 and the form again, so check the session really works.
        HttpAnswer me;
        try {
            me = sessionCookie == null ? null : http.send("GET", settings.url() + RtGateway.REST + "/user/"
                    + HttpCall.encode(settings.user()), Map.of("Cookie", sessionCookie, "Accept", "application/json"), null, null);
        } catch (HttpCall.UnreachableException e) {
            throw HostUnavailableException.notReached("RT at " + settings.url() + " is unreachable: " + e.getCause().getMessage(), e);
        }
        // RT busy or failing between the login and its check is no refused login: the message must wait, not die.
        if (me != null && (me.status() == 429 || me.status() == 503)) {
            throw new HostBusyException("RT answered " + me.status() + " checking the new session (too busy for now)",
                    retryAfter(me.header("Retry-After")));
        }
        if (me != null && (me.status() >= 500 || me.status() == 0)) {
            throw HostUnavailableException.notReached("RT answered " + me.status() + " checking the new session", null);
        }
        if (me == null || me.status() != 200) {
            throw new HostRejectedException("RT refused the login of user '" + settings.user()
                    + "' (check user and password in etc/" + RtSettings.PID + ".cfg; provisioning creates the user)");
        }
        cookie = sessionCookie;
        return sessionCookie;
    }
}
