package org.socialcarebridge.component.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.intake.Intake;

/**
 * The Meta webhook's handler: parses each verified delivery once and hands it, by its {@code object}, to
 * the channel that took that object ({@code page} to Facebook). The webhook belongs to the Meta app and
 * keeps running while channels come and go, so a delivery nobody takes now (its channel not installed,
 * disabled, or re-attaching after a change of its file) and a delivery that cannot be read are kept as
 * one dead letter each, with their bytes as they came, and answered 200: Meta would otherwise send them
 * again for 36 hours, and after an hour of failures unsubscribe the app from the Page. The same bytes
 * again are the same dead letter. What a channel missed that way its recovery reads back from the
 * Graph API.
 */
public final class WebhookDispatch implements WebhookHandler {
    /** Whose dead letters these are when no channel's: the Meta app's. */
    public static final Network META = Network.declare("meta", "Meta");

    private final Intake intake;
    private final ObjectMapper json;
    private final Map<String, WebhookObjectHandler> takers = new ConcurrentHashMap<>();

    public WebhookDispatch(Intake intake, ObjectMapper json) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** From now on, deliveries of {@code object} go to {@code handler} (in place of any before it). */
    public void take(String object, WebhookObjectHandler handler) {
        takers.put(Objects.requireNonNull(object, "object"), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Deliveries of {@code object} are no longer {@code handler}'s; a handler that took the object since
     * keeps it (a channel's late detach never removes its successor).
     */
    public void release(String object, WebhookObjectHandler handler) {
        takers.remove(object, handler);
    }

    /** The objects taken now, e.g. {@code [page]}. */
    public Set<String> objects() {
        return new TreeSet<>(takers.keySet());
    }

    @Override
    public WebhookReceipt receive(WebhookDelivery delivery) throws Exception {
        JsonNode root;
        try {
            root = json.readTree(delivery.body());
        } catch (IOException e) {
            return deadLetter(delivery, "it is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("object").isTextual()) {
            return deadLetter(delivery, "it is not a JSON object with 'object' and 'entry'");
        }
        String object = root.get("object").asText();
        WebhookObjectHandler handler = takers.get(object);
        if (handler == null) {
            return deadLetter(delivery, "no running channel takes its object '" + object + "' (running: "
                    + (takers.isEmpty() ? "none" : String.join(", ", objects())) + "); " + fix(object));
        }
        return handler.receive(delivery, root);
    }

    /** What the administrator does so that the object is taken. */
    static String fix(String object) {
        return "page".equals(object)
                ? "check that the Facebook channel runs (feature socialcare-facebook, pageId and pageToken in"
                        + " etc/org.socialcarebridge.network.facebook.cfg, its line on /socialcare/health); its recovery"
                        + " reads back from the Graph API what came meanwhile"
                : "instagram".equals(object)
                ? "check that the Instagram channel runs (feature socialcare-instagram, accountId, pageId and pageToken"
                        + " in etc/org.socialcarebridge.network.instagram.cfg, its line on /socialcare/health); its"
                        + " recovery reads back from the Graph API what came meanwhile"
                : "whatsapp_business_account".equals(object)
                        ? "check that the WhatsApp channel runs (feature socialcare-whatsapp, enabled, businessAccountId,"
                                + " phoneNumberId and accessToken in etc/org.socialcarebridge.network.whatsapp.cfg, its line"
                                + " on /socialcare/health); WhatsApp cannot be read back, so messages meanwhile are only here"
                : "no channel of this version takes it: unsubscribe the Meta app from that product";
    }

    private WebhookReceipt deadLetter(WebhookDelivery delivery, String reason) {
        boolean fresh = intake.recordUnreadable(META, null, new String(delivery.body(), StandardCharsets.UTF_8),
                "A signed Meta delivery was kept unread: " + reason);
        return new WebhookReceipt(1, fresh ? 1 : 0);
    }
}
