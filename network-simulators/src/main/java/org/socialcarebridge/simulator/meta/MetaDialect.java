package org.socialcarebridge.simulator.meta;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.socialcarebridge.simulator.ApiException;
import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;
import org.socialcarebridge.simulator.Dialect;

/**
 * How the Graph API words errors and limits: an {@code error} object with {@code message},
 * {@code type}, {@code code}, {@code error_subcode} and {@code fbtrace_id}; Business Use Case
 * limits counted per Page over one hour and reported in {@code X-Business-Use-Case-Usage}. A client
 * must classify by {@code error.code}, as Meta's own SDKs do, not by the HTTP status.
 */
final class MetaDialect implements Dialect {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String pageId;

    MetaDialect(String pageId) {
        this.pageId = pageId;
    }

    @Override
    public ApiResponse error(int status, String title, String detail) {
        return switch (status) {
            case 401 -> graph(status, 190, 460, "OAuthException",
                    "Error validating access token: The session has been invalidated because the user changed their"
                            + " password or Facebook has changed the session for security reasons.", false);
            case 403 -> graph(status, 200, null, "OAuthException", "(#200) " + detail, false);
            case 404 -> graph(status, 2500, null, "OAuthException", "Unknown path components: " + detail, false);
            case 429 -> graph(status, 80001, null, "OAuthException", "(#80001) There have been too many calls to this"
                    + " Page account. Wait a bit and try again. For more info, please refer to"
                    + " https://developers.facebook.com/docs/graph-api/overview/rate-limiting.", true);
            case 502, 503, 504 -> graph(status, 2, null, "OAuthException",
                    "An unexpected error has occurred. Please retry your request later.", true);
            default -> status >= 500
                    ? graph(status, 1, null, "OAuthException", "An unknown error occurred", true)
                    : graph(status, 100, null, "OAuthException", "(#100) " + detail, false);
        };
    }

    /** BUC limits for Pages are counted per Page over a rolling hour; here one fixed hour. */
    @Override
    public long windowSeconds() {
        return 3600;
    }

    @Override
    public String limitKey(String caller, String routeKey) {
        return caller;
    }

    @Override
    public void rateHeaders(ApiResponse r, long limit, long remaining, long resetEpochSecond) {
        long percent = limit <= 0 ? 100 : Math.min(100, (limit - Math.max(0, remaining)) * 100 / limit);
        long regain = remaining > 0 ? 0 : Math.max(1, (resetEpochSecond - Instant.now().getEpochSecond() + 59) / 60);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("type", "pages");
        usage.put("call_count", percent);
        usage.put("total_cputime", percent / 2);
        usage.put("total_time", percent / 2);
        usage.put("estimated_time_to_regain_access", regain);
        try {
            r.headers().putIfAbsent("X-Business-Use-Case-Usage",
                    ApiServer.JSON.writeValueAsString(Map.of(pageId, List.of(usage))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Graph error answer; {@code subcode} may be null. */
    static ApiResponse graph(int status, int code, Integer subcode, String type, String message, boolean isTransient) {
        return graph(status, code, subcode, type, message, isTransient, null);
    }

    /** The same with {@code error_data} (WhatsApp's {@code messaging_product} and {@code details}), or null. */
    static ApiResponse graph(int status, int code, Integer subcode, String type, String message, boolean isTransient,
                             Map<String, Object> errorData) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (errorData != null) {
            error.put("error_data", errorData);
        }
        if (isTransient) {
            error.put("is_transient", true);
        }
        error.put("fbtrace_id", traceId());
        return ApiResponse.json(status, Map.of("error", error));
    }

    static ApiException refuse(int code, Integer subcode, String message) {
        return new ApiException(graph(400, code, subcode, "OAuthException", message, false));
    }

    static String traceId() {
        StringBuilder b = new StringBuilder("A");
        for (int i = 0; i < 22; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
