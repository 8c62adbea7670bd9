package org.socialcarebridge.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How a network words what every endpoint shares: its error bodies and its rate-limit window and
 * headers. X counts 15-minute windows per endpoint with epoch-second resets; Mastodon counts
 * 5-minute windows per account across endpoints with ISO-8601 resets.
 */
public interface Dialect {
    /** Mastodon's time format, e.g. 2026-11-24T12:05:00.000Z. */
    DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    ApiResponse error(int status, String title, String detail);

    /** Seconds in one rate-limit window. */
    long windowSeconds();

    /** What one window counts: per endpoint (X) or per account across endpoints (Mastodon). */
    String limitKey(String caller, String routeKey);

    /** Puts the window's state on an answer (a 429 too). */
    void rateHeaders(ApiResponse response, long limit, long remaining, long resetEpochSecond);

    Dialect X = new Dialect() {
        @Override
        public ApiResponse error(int status, String title, String detail) {
            return ApiResponse.problem(status, title, detail);
        }

        @Override
        public long windowSeconds() {
            return 15 * 60;
        }

        @Override
        public String limitKey(String caller, String routeKey) {
            return caller + " " + routeKey;
        }

        @Override
        public void rateHeaders(ApiResponse r, long limit, long remaining, long reset) {
            r.headers().putIfAbsent("x-rate-limit-limit", String.valueOf(limit));
            r.headers().putIfAbsent("x-rate-limit-remaining", String.valueOf(Math.max(0, remaining)));
            r.headers().putIfAbsent("x-rate-limit-reset", String.valueOf(reset));
        }
    };

    Dialect MASTODON = new Dialect() {
        @Override
        public ApiResponse error(int status, String title, String detail) {
            String text = switch (status) {
                case 401 -> "The access token is invalid";
                case 404 -> "Record not found";
                case 429 -> "Too many requests";
                default -> detail;
            };
            return ApiResponse.json(status, Map.of("error", text));
        }

        @Override
        public long windowSeconds() {
            return 5 * 60;
        }

        @Override
        public String limitKey(String caller, String routeKey) {
            return caller;
        }

        @Override
        public void rateHeaders(ApiResponse r, long limit, long remaining, long reset) {
            r.headers().putIfAbsent("X-RateLimit-Limit", String.valueOf(limit));
            r.headers().putIfAbsent("X-RateLimit-Remaining", String.valueOf(Math.max(0, remaining)));
            r.headers().putIfAbsent("X-RateLimit-Reset", ISO_MILLIS.format(Instant.ofEpochSecond(reset)));
        }
    };
}
