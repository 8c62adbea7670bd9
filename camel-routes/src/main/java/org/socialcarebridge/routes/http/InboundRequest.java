package org.socialcarebridge.routes.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;

/**
 * A request to one of the plugin's own HTTP routes, read from the servlet request itself: the headers
 * the client really sent, the query string, and the body up to a cap. Camel's HTTP binding would copy
 * query parameters and form fields into message headers (so {@code ?Authorization=…} passes for the
 * header) and read the whole body into memory before the route runs; {@link #OPTIONS} turns that off
 * on the consumer, and the route turns stream caching off ({@code noStreamCaching()}).
 */
public final class InboundRequest {
    /**
     * Jetty consumer options of every route the plugin serves: no query parameter, form field or body is
     * copied into the message, the body stays the raw stream, the multipart filter does not parse (and
     * store) uploads before the route runs, answers carry a Content-Length, and the server does not
     * announce its version.
     */
    public static final String OPTIONS = "mapHttpMessageHeaders=false&mapHttpMessageBody=false"
            + "&mapHttpMessageFormUrlEncodedBody=false&disableStreamCache=true&enableMultipartFilter=false"
            + "&chunked=false&sendServerVersion=false";

    /** The largest body an admin call reads; plenty for a JSON request. */
    public static final int MAX_BODY = 1024 * 1024;

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String path;
    private Map<String, List<String>> query;

    private InboundRequest(HttpServletRequest request, HttpServletResponse response, String path) {
        this.request = request;
        this.response = response;
        this.path = path;
        // Until the body is read to its end, the answer closes the connection: a client that is refused
        // early must not send its next request on a connection still carrying bytes nobody took.
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }

    /** The request of an exchange that came from a Jetty consumer. */
    public static InboundRequest of(Exchange exchange) {
        HttpMessage message = exchange.getIn(HttpMessage.class);
        if (message == null || message.getRequest() == null) {
            throw new IllegalStateException("Route " + exchange.getFromRouteId() + " did not receive an HTTP request");
        }
        return new InboundRequest(message.getRequest(), message.getResponse(),
                exchange.getIn().getHeader(Exchange.HTTP_PATH, "", String.class).replaceFirst("^/+", ""));
    }

    /** What follows the route's own path (a prefix route's resource), without leading slashes; still encoded. */
    public String path() {
        return path;
    }

    /**
     * The {@code limit} query parameter of a listing: {@code byDefault} when absent, at most {@code max}.
     *
     * @throws IllegalArgumentException when it is not a whole number from 1 to {@code max}, naming it
     */
    public int limit(int byDefault, int max) {
        String limit = query("limit");
        if (limit == null) {
            return byDefault;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1) {
                return Math.min(n, max);
            }
        } catch (NumberFormatException e) {
            // said below, with the value
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + max + ", not '" + limit + "'");
    }

    public String method() {
        return request.getMethod();
    }

    /** A header as the client sent it; never a query parameter or form field of the same name. */
    public String header(String name) {
        return request.getHeader(name);
    }

    /**
     * The query string's parameters by name, decoded; a malformed escape is kept as written. Never the
     * form fields of the body, which are not read.
     */
    public Map<String, List<String>> query() {
        if (query == null) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            String raw = request.getQueryString();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    if (!pair.isEmpty()) {
                        int eq = pair.indexOf('=');
                        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                        params.computeIfAbsent(name, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
                    }
                }
            }
            query = params;
        }
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the query string has a parameter of this name, compared without regard to case. */
    public boolean hasQueryParameter(String name) {
        return query().keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /** Whether the body is declared as this media type (parameters such as charset aside). */
    public boolean hasMediaType(String mediaType) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase(mediaType);
    }

    /**
     * The body as UTF-8 text (what JSON is), read straight from the connection and never more than
     * {@code maxBytes}: a larger Content-Length is refused before reading, a longer stream (chunked or
     * lying about its length) as soon as it passes the cap.
     *
     * @throws BodyTooLargeException answer it with 413
     */
    public String body(int maxBytes) throws IOException {
        return new String(bodyBytes(maxBytes), StandardCharsets.UTF_8);
    }

    /**
     * The body's raw bytes, as {@link #body(int)} reads them: what a signature is computed over, since
     * re-encoding text would change them. The buffer grows with what arrives, so an announced length
     * costs nothing until its bytes come.
     *
     * @throws BodyTooLargeException answer it with 413
     */
    public byte[] bodyBytes(int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new BodyTooLargeException("The body is " + declared + " bytes (Content-Length); this call reads at most "
                    + maxBytes + " bytes");
        }
        InputStream in = request.getInputStream();
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new BodyTooLargeException("The body is longer than " + maxBytes + " bytes, the most this call reads");
        }
        response.setHeader("Connection", null);
        return bytes;
    }

    /** A JSON answer to the request, pretty-printed for whoever reads it with curl. */
    public static void answer(Message out, ObjectMapper json, int status, Object body) throws JsonProcessingException {
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    @Override
    public String toString() {
        return request.getMethod() + " " + request.getRequestURI();
    }

    /** The body is larger than the route reads; the message says by how much, for the 413 answer. */
    public static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }
}
