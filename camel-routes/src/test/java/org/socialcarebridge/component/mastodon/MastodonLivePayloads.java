package org.socialcarebridge.component.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.conversation.InboundMessage;

/**
 * Statuses as Mastodon's API sends them (the mention notification's {@code status}, with its
 * {@code account} and HTML {@code content}), around a given text, and the mapper's call on them: for
 * the parsers' benchmark, which lives in another package than the package-private
 * {@link MastodonMessages}.
 */
public final class MastodonLivePayloads {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CREATED_AT = "2026-11-24T10:00:00.000Z";

    private MastodonLivePayloads() {
    }

    /**
     * A status mentioning the brand: Mastodon's paragraph with the {@code @acme} h-card, then the text as
     * HTML, as a remote server sent it (not escaped again: hostile HTML is what {@code content} carries),
     * by an account whose display name is the name given and whose handle is a remote {@code user@domain}.
     * An even {@code n} is a direct status (Mastodon's direct message), an odd one public.
     */
    public static ObjectNode status(String text, String name, int n) {
        String id = String.valueOf(113_500_000_000_000_000L + n);
        String base = "https://social.example";
        String username = "maria_" + n;
        ObjectNode status = NODES.objectNode();
        status.put("id", id);
        status.put("created_at", CREATED_AT);
        status.putNull("in_reply_to_id");
        status.putNull("in_reply_to_account_id");
        status.put("sensitive", false);
        status.put("spoiler_text", "");
        status.put("visibility", n % 2 == 0 ? "direct" : "public");
        status.put("language", "en");
        status.put("uri", base + "/users/" + username + "/statuses/" + id);
        status.put("url", base + "/@" + username + "/" + id);
        status.put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0);
        status.putNull("edited_at");
        status.put("content", "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://brand.example/@acme\""
                + " class=\"u-url mention\">@<span>acme</span></a></span> " + text + "</p>");
        status.putNull("reblog");
        ObjectNode account = status.putObject("account");
        account.put("id", String.valueOf(109_300_000_000_000_000L + n));
        account.put("username", username);
        account.put("acct", username + "@social.example");
        account.put("display_name", name);
        account.put("locked", false).put("bot", false).put("group", false);
        account.put("created_at", "2022-11-07T00:00:00.000Z");
        account.put("note", "<p>Tea, trains and routers.</p>");
        account.put("url", base + "/@" + username);
        account.put("uri", base + "/users/" + username);
        account.put("avatar", base + "/avatars/original/missing.png");
        account.put("followers_count", 120 + n).put("following_count", 80).put("statuses_count", 3_400);
        account.putArray("emojis");
        account.putArray("fields").addObject().put("name", "Web")
                .put("value", "<a href=\"https://maria.example\">maria.example</a>").putNull("verified_at");
        status.putArray("media_attachments");
        status.putArray("mentions").addObject().put("id", "109000000000000001").put("username", "acme")
                .put("url", "https://brand.example/@acme").put("acct", "acme");
        status.putArray("tags");
        status.putArray("emojis");
        return status;
    }

    /**
     * What the mentions feed does with a notification's status.
     *
     * @throws IllegalArgumentException when the status is unreadable (the feed's unreadable path)
     */
    public static InboundMessage map(JsonNode status) {
        return MastodonMessages.message(status, null);
    }
}
