package org.socialcarebridge.routes.mastodon;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.routes.http.HtmlText;

/** Maps Mastodon's payloads (accounts, statuses) to domain messages. */
final class MastodonMessages {
    private MastodonMessages() {
    }

    /**
     * An account. The handle is the {@code acct} ({@code user} on the brand's instance,
     * {@code user@domain} elsewhere), which is also how a reply must mention them. Mastodon has no
     * verified badge; a profile link verified by rel="me" ({@code fields[].verified_at}) counts.
     */
    static SocialIdentity identity(JsonNode account) {
        boolean verified = false;
        for (JsonNode field : account.path("fields")) {
            verified |= field.hasNonNull("verified_at");
        }
        String displayName = account.path("display_name").asText("");
        return new SocialIdentity(Network.MASTODON, account.path("id").asText(), account.path("acct").asText(),
                displayName.isBlank() ? null : displayName, account.path("url").asText(null),
                account.path("followers_count").asLong(0), verified);
    }

    /**
     * A status. Its content is HTML from another server: reduced to text here, and escaped again
     * wherever it is shown. {@code direct} and followers-only ({@code private}) statuses are private:
     * answering them in public would expose them.
     *
     * @param quoteReason when the status quotes another and quotes are recorded only, why; else null
     */
    static InboundMessage message(JsonNode status, String quoteReason) {
        SocialIdentity author = identity(status.path("account"));
        String visibility = status.path("visibility").asText("public");
        boolean isPrivate = "direct".equals(visibility) || "private".equals(visibility);
        String text = HtmlText.of(status.path("content").asText(""));
        String spoiler = status.path("spoiler_text").asText("");
        if (!spoiler.isBlank()) {
            text = "[Content warning: " + spoiler + "]\n" + text;
        }
        InboundMessage m = new InboundMessage(Network.MASTODON, status.path("id").asText(), author, text, createdAt(status),
                status.path("in_reply_to_id").asText(null), null, isPrivate ? Visibility.PRIVATE : Visibility.PUBLIC,
                status.path("url").asText(null));
        if (status.hasNonNull("reblog")) {
            return m.recordedOnly("a boost (reblog) of another post");
        }
        return quoteReason != null && status.hasNonNull("quote") ? m.recordedOnly(quoteReason) : m;
    }

    private static Instant createdAt(JsonNode status) {
        try {
            return status.hasNonNull("created_at") ? Instant.parse(status.get("created_at").asText()) : Instant.now();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
