package org.socialcarebridge.component.facebook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.health.ChannelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Meta still delivers the Page's comments and messages: the app subscribed on the Page
 * ({@code GET /{page-id}/subscribed_apps}) with {@code feed} and {@code messages} among its
 * {@code subscribed_fields}. Meta unsubscribes the app after an hour of failed deliveries and says so
 * only by e-mail to the app's developers, so a missing subscription (or a refused Page token, #190) is
 * put on the channel's health line as needing action, with how to re-subscribe; the channel watch turns
 * that into one alert in the help desk and closes it when the check finds the subscription again. Then
 * {@code whenRestored} runs at once (recovery: what Meta dropped meanwhile is read back from the Graph
 * API). A network fault is only a failed check: the line turns stale if it lasts.
 */
public final class FacebookSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(FacebookSubscription.class);

    /** The webhook fields the channel reads: the Page's feed (comments) and Messenger. */
    public static final List<String> FIELDS = List.of("feed", "messages");

    private final GraphApi graph;
    private final String pageId;
    private final ChannelStatus status;
    private final Runnable whenRestored;
    private final Clock clock;
    private boolean lacking;

    /**
     * @param status       the channel's health line, {@code health.channel("facebook")}: a webhook channel
     *                     may be quiet for hours, so this check is what shows it working
     * @param every        how often the check runs
     * @param whenRestored what runs when a check finds the subscription back after a problem (recovery)
     */
    public FacebookSubscription(GraphApi graph, String pageId, ChannelStatus status, Duration every, Runnable whenRestored,
                                Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.pageId = Objects.requireNonNull(pageId, "pageId");
        this.status = Objects.requireNonNull(status, "status");
        status.checkedEvery(every);
        this.whenRestored = Objects.requireNonNull(whenRestored, "whenRestored");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One check; answers the problem put on the health line, or empty when the subscription is in order. */
    public synchronized Optional<String> check() {
        Optional<String> problem;
        try {
            problem = problemIn(graph.subscribedApps());
        } catch (PostRejectedException e) {
            // #190 (the token), #200 (a permission), #100 (no such Page): the message names the setting to fix.
            problem = Optional.of("the Graph API refused to show the app's webhook subscription on the Page " + pageId
                    + ", so Meta may deliver nothing: " + e.getMessage());
        } catch (NetworkUnavailableException e) {
            if (!lacking) {
                // While a subscription is known to be missing, a network fault must not turn that problem into a
                // mere stale line, whose alert could close before anyone re-subscribed.
                status.failed(clock.instant(), "checking the webhook subscription: " + e.getMessage());
            }
            LOG.warn("Facebook: the webhook subscription could not be checked this time: {}", e.getMessage());
            return Optional.empty();
        }
        if (problem.isPresent()) {
            status.needsAction(problem.get(), clock.instant());
            if (!lacking) {
                LOG.error("Facebook: {}", problem.get());
            }
            lacking = true;
            return problem;
        }
        status.succeeded(clock.instant(), null);
        if (lacking) {
            lacking = false;
            LOG.info("Facebook: the app's webhook subscription on the Page {} is back; reading back what Meta did not"
                    + " deliver meanwhile", pageId);
            try {
                whenRestored.run();
            } catch (RuntimeException e) {
                LOG.warn("Facebook: reading back what Meta did not deliver failed ({}); the recovery timer tries again",
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** What is wrong with {@code GET /{page-id}/subscribed_apps}'s answer, with how to fix it. */
    Optional<String> problemIn(JsonNode answer) {
        JsonNode apps = answer.path("data");
        if (!apps.isArray() || apps.isEmpty()) {
            return Optional.of("no app is subscribed to the Page " + pageId + "'s webhooks, so Meta delivers no comments"
                    + " and no Messenger messages (Meta unsubscribes an app after an hour of failed deliveries). "
                    + howToResubscribe());
        }
        List<String> seen = new ArrayList<>();
        Set<String> missing = null;
        for (JsonNode app : apps) {
            Set<String> fields = new TreeSet<>();
            app.path("subscribed_fields").forEach(f -> fields.add(f.asText()));
            Set<String> lacks = new TreeSet<>(FIELDS);
            lacks.removeAll(fields);
            if (lacks.isEmpty()) {
                return Optional.empty();
            }
            if (missing == null || lacks.size() < missing.size()) {
                missing = lacks;
            }
            seen.add(app.path("name").asText(app.path("id").asText("an app")) + " " + fields);
        }
        return Optional.of("the app's webhook subscription on the Page " + pageId + " lacks " + String.join(" and ", missing)
                + " (subscribed: " + String.join("; ", seen) + "), so Meta delivers no "
                + (missing.contains("feed") ? missing.contains("messages") ? "comments and no Messenger messages"
                : "comments" : "Messenger messages") + ". " + howToResubscribe());
    }

    private String howToResubscribe() {
        return "Re-subscribe: POST " + GraphApi.VERSION + "/" + pageId + "/subscribed_apps?subscribed_fields="
                + String.join(",", FIELDS) + " on the Graph API with the Page token (pageToken in "
                + GraphApi.SETTINGS_FILE + "; add any other fields the app used, e.g. message_echoes), or in the Meta"
                + " app dashboard under Webhooks, Page, subscribe the Page to feed and messages. What Meta did not"
                + " deliver meanwhile is read back from the Graph API once the subscription is back";
    }
}
