package org.socialcarebridge.component.mastodon;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.mastodon.MastodonChannel;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Remarks;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.reply.PostLength;
import org.socialcarebridge.routes.http.CreatedAt;
import org.socialcarebridge.routes.http.HtmlText;

/**
 * Maps Mastodon's payloads (accounts, statuses) to domain messages. Every field comes from some server
 * on the fediverse: it is cut to its column here, with a remark that keeps it in full (an account on a
 * long domain has a long handle), and a payload that is no status at all (an id longer than any
 * server's) is refused with an IllegalArgumentException naming the field, which the feed records as
 * unreadable.
 */
final class MastodonMessages {
    private MastodonMessages() {
    }

    /**
     * An account. The handle is the {@code acct} ({@code user} on the brand's instance,
     * {@code user@domain} elsewhere), which is also how a reply must mention them. Mastodon has no
     * verified badge; a profile link verified by rel="me" ({@code fields[].verified_at}) counts.
     */
    static SocialIdentity identity(JsonNode account) {
        return identity(account, new Remarks());
    }

    private static SocialIdentity identity(JsonNode account, Remarks remarks) {
        boolean verified = false;
        for (JsonNode field : account.path("fields")) {
            verified |= field.hasNonNull("verified_at");
        }
        String displayName = account.path("display_name").asText("");
        return new SocialIdentity(Network.MASTODON, account.path("id").asText(),
                remarks.fit("The handle", account.path("acct").asText(), SocialIdentity.HANDLE_LENGTH),
                remarks.fit("The name", displayName.isBlank() ? null : displayName, SocialIdentity.NAME_LENGTH),
                remarks.fit("The profile link", account.path("url").asText(null), SocialIdentity.URL_LENGTH),
                account.path("followers_count").asLong(0), verified);
    }

    /**
     * A status. Its content is HTML from another server: reduced to text here, and escaped again
     * wherever it is shown. {@code direct} and followers-only ({@code private}) statuses are private:
     * answering them in public would expose them.
     *
     * @param quoteReason when the status quotes another and quotes are recorded only, why; else null
     */
    /** Why a quote post is only recorded, or null when quotes are filed like mentions. */
    static String quoteReason(boolean ticketQuotes) {
        return ticketQuotes ? null : "a quote post (etc/" + MastodonSettings.PID + ".cfg: quotes = record)";
    }

    static InboundMessage message(JsonNode status, String quoteReason) {
        Remarks remarks = new Remarks();
        SocialIdentity author = identity(status.path("account"), remarks);
        String visibility = status.path("visibility").asText("public");
        boolean isPrivate = "direct".equals(visibility) || "private".equals(visibility);
        String text = HtmlText.of(status.path("content").asText(""));
        String spoiler = status.path("spoiler_text").asText("");
        if (!spoiler.isBlank()) {
            text = "[Content warning: " + spoiler + "]\n" + text;
        }
        // The author's server may allow more than the default; beyond it, the agent is told what arrived.
        remarks.beyondNetworkLimit(Network.MASTODON, "status", PostLength.of(MastodonChannel.LENGTH).count(text),
                MastodonChannel.STATUS_LIMIT);
        CreatedAt createdAt = CreatedAt.of(status);
        InboundMessage m = new InboundMessage(Network.MASTODON, status.path("id").asText(), author, text,
                createdAt.instant(), status.path("in_reply_to_id").asText(null), null,
                isPrivate ? Visibility.PRIVATE : Visibility.PUBLIC,
                remarks.fit("The status's link", status.path("url").asText(null), InboundMessage.URL_LENGTH), null,
                createdAt.unread(), remarks.list());
        if (status.hasNonNull("reblog")) {
            return m.recordedOnly("a boost (reblog) of another post");
        }
        return quoteReason != null && status.hasNonNull("quote") ? m.recordedOnly(quoteReason) : m;
    }
}
