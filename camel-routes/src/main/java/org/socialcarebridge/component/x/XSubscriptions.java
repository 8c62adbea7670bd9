package org.socialcarebridge.component.x;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.health.ChannelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes X deliver the brand's mentions and direct messages where the channel reads them, through the X
 * Activity API's app-only endpoints. For the webhook ({@code publicUrl} set): the app's webhook for that
 * URL ({@code GET /2/webhooks}; re-validated by {@code PUT /2/webhooks/{id}} when X marked it invalid,
 * registered by {@code POST /2/webhooks} when missing, which X proves by a CRC our route answers). For
 * both the webhook and the activity stream: a subscription for each of {@link #EVENT_TYPES} filtered on the
 * brand's user id and pointing at that webhook (none for the stream); listed first, only the missing ones
 * created, so a check never duplicates one. Run at the channel's start and every
 * {@code subscriptionCheckInterval}; a failure is shown on the channel's health line with X's answer and
 * tried again at the next check, never thrown.
 */
public final class XSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(XSubscriptions.class);
    /** What the channel takes from X in real time. */
    public static final List<String> EVENT_TYPES = List.of(XWebhookHandler.MENTION, XWebhookHandler.DM);

    private final XApi api;
    private final String publicUrl;
    private final Supplier<String> brandId;
    private final ChannelStatus status;
    private final Clock clock;
    private String lastProblem;

    /**
     * @param publicUrl the webhook's URL as X reaches it, or null for the activity stream
     * @param brandId   the brand's X user id (asked of X once)
     * @param status    the channel's health line, {@code health.channel("x")}
     */
    public XSubscriptions(XApi api, String publicUrl, Supplier<String> brandId, ChannelStatus status, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.publicUrl = publicUrl;
        this.brandId = Objects.requireNonNull(brandId, "brandId");
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One check; answers the problem shown on the health line, or empty when X delivers as it should. */
    public synchronized Optional<String> check() {
        String what = publicUrl == null ? "X activity stream not subscribed: " : "X webhook not registered: ";
        try {
            String webhookId = publicUrl == null ? null : webhook();
            List<String> created = subscribe(brandId.get(), webhookId);
            String state = publicUrl == null ? "subscribed to " + EVENT_TYPES + " on the activity stream"
                    : "registered " + publicUrl + " (webhook " + webhookId + "), subscribed to " + EVENT_TYPES;
            status.webhook(state);
            if (lastProblem != null || !created.isEmpty()) {
                LOG.info("X: {}{}", state, created.isEmpty() ? "" : "; created the subscriptions " + created);
            }
            lastProblem = null;
            return Optional.empty();
        } catch (RuntimeException e) {
            String problem = what + (e.getMessage() == null ? e.toString() : e.getMessage());
            status.webhook(problem);
            status.failed(clock.instant(), problem);
            if (!problem.equals(lastProblem)) {
                LOG.warn("{}; tried again at the next check", problem);
            }
            lastProblem = problem;
            return Optional.of(problem);
        }
    }

    /** The id of the app's webhook for {@link #publicUrl}, valid: found, re-validated or registered. */
    private String webhook() {
        for (JsonNode w : api.webhooks().path("data")) {
            if (publicUrl.equals(w.path("url").asText())) {
                String id = w.path("id").asText();
                if (!w.path("valid").asBoolean(true)) {
                    LOG.info("X: the webhook {} for {} is marked invalid; asking X to run the CRC again", id, publicUrl);
                    api.revalidateWebhook(id);
                }
                return id;
            }
        }
        LOG.info("X: registering the webhook {} (X sends the CRC to it first)", publicUrl);
        String id = api.registerWebhook(publicUrl).path("data").path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("POST /2/webhooks answered no data.id for " + publicUrl);
        }
        return id;
    }

    /** Creates the subscriptions of {@link #EVENT_TYPES} for the brand and the webhook that are missing; answers their types. */
    private List<String> subscribe(String userId, String webhookId) {
        List<String> missing = new ArrayList<>(EVENT_TYPES);
        for (JsonNode s : api.subscriptions().path("data")) {
            String target = s.hasNonNull("webhook_id") ? s.get("webhook_id").asText() : null;
            if (userId.equals(s.path("filter").path("user_id").asText()) && Objects.equals(webhookId, target)) {
                missing.remove(s.path("event_type").asText());
            }
        }
        for (String type : missing) {
            api.subscribe(type, userId, webhookId);
        }
        return missing;
    }
}
