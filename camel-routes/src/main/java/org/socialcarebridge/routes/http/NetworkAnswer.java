package org.socialcarebridge.routes.http;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;

/**
 * How a social network's answer becomes the domain's: 429 waits for the network's reset time, 5xx
 * and no answer are retried later, any other refusal is final, and a 2xx is its JSON. The networks
 * differ only in how they word the reset time and the error.
 */
public final class NetworkAnswer {
    private NetworkAnswer() {
    }

    /**
     * @param what    e.g. {@code X POST /2/tweets}, for messages
     * @param resetAt when the rate-limit window reopens, read from the answer's headers
     * @param error   the human-readable error in the answer's body
     */
    public static JsonNode read(HttpAnswer answer, String what, Function<HttpAnswer, Instant> resetAt,
                                Function<String, String> error, ObjectMapper json) {
        if (answer.status() == 429) {
            throw new RateLimitedException(what + " answered 429 Too Many Requests", resetAt.apply(answer));
        }
        if (answer.status() >= 500 || answer.status() == 0) {
            throw new NetworkUnavailableException(what + " answered " + answer.status());
        }
        if (!answer.ok()) {
            throw new PostRejectedException(what + " answered " + answer.status() + ": " + error.apply(answer.body()));
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new NetworkUnavailableException(what + " answered malformed JSON: " + e.getMessage());
        }
    }
}
