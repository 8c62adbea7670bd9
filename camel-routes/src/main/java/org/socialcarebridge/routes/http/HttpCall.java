package org.socialcarebridge.routes.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;

/**
 * Every outgoing HTTP request of the plugin goes through Camel's HTTP component here, so timeouts,
 * connection pooling and error handling are configured in one place. Failures answer, never throw,
 * except when the peer cannot be reached at all ({@link java.io.IOException} wrapped by Camel).
 */
public final class HttpCall {
    /**
     * One endpoint for all calls; the real URL travels in {@link Exchange#HTTP_URI}. Cookies are
     * handled explicitly by the callers, never by a shared store, so that sessions do not leak
     * between hosts.
     */
    static final String ENDPOINT = "http://socialcare-outbound?throwExceptionOnFailure=false"
            + "&copyHeaders=false&connectTimeout=5000&responseTimeout=30000&cookieStore=#" + NoCookies.NAME;

    private final ProducerTemplate template;

    /**
     * Configures the context's HTTP component for the plugin's calls. HttpClient's own retries are
     * off: it would silently repeat a 429 or 503, and retries belong to the outbox, which honours
     * the network's reset time and never posts twice.
     */
    public HttpCall(CamelContext camel) {
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        if (camel.getRegistry().lookupByName(NoCookies.NAME) == null) {
            camel.getRegistry().bind(NoCookies.NAME, new NoCookies());
        }
        this.template = camel.createProducerTemplate();
    }

    public HttpAnswer get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null, null);
    }

    public HttpAnswer send(String method, String url, Map<String, String> headers, String contentType, String body) {
        Exchange answer = template.request(ENDPOINT, exchange -> {
            var in = exchange.getIn();
            in.setHeader(Exchange.HTTP_METHOD, method);
            in.setHeader(Exchange.HTTP_URI, url);
            headers.forEach(in::setHeader);
            if (contentType != null) {
                in.setHeader(Exchange.CONTENT_TYPE, contentType);
            }
            in.setBody(body);
        });
        if (answer.getException() != null) {
            throw new UnreachableException(url, answer.getException());
        }
        var out = answer.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, List<String>> responseHeaders = new HashMap<>();
        out.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel")) {
                List<String> values = new ArrayList<>();
                if (value instanceof List<?> list) {
                    list.forEach(v -> values.add(String.valueOf(v)));
                } else {
                    values.add(String.valueOf(value));
                }
                responseHeaders.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        String text = out.getBody(String.class);
        return new HttpAnswer(status == null ? 0 : status, responseHeaders, text == null ? "" : text);
    }

    public static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
        return j.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The peer could not be reached (refused, timed out, reset). */
    public static class UnreachableException extends RuntimeException {
        public UnreachableException(String url, Throwable cause) {
            super("could not reach " + url.replaceAll("\\?.*", "") + ": " + cause.getMessage(), cause);
        }
    }
}
