package org.socialcarebridge.simulator.mastodon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A status as the instance keeps it: plain text as written, rendered to Mastodon's HTML on the way out. */
final class MastodonStatus {
    final String id;
    final MastodonAccount account;
    final String text;
    final String visibility;
    final String inReplyToId;
    final String inReplyToAccountId;
    final List<MastodonAccount> mentions;
    final MastodonStatus reblogOf;
    final String createdAt;
    final String idempotencyKey;
    volatile int idempotentRepeats;
    private volatile boolean deleted;

    MastodonStatus(String id, MastodonAccount account, String text, String visibility, String inReplyToId,
                   String inReplyToAccountId, List<MastodonAccount> mentions, MastodonStatus reblogOf, String createdAt,
                   String idempotencyKey) {
        this.id = id;
        this.account = account;
        this.text = text;
        this.visibility = visibility;
        this.inReplyToId = inReplyToId;
        this.inReplyToAccountId = inReplyToAccountId;
        this.mentions = mentions;
        this.reblogOf = reblogOf;
        this.createdAt = createdAt;
        this.idempotencyKey = idempotencyKey;
    }

    boolean deleted() {
        return deleted;
    }

    void delete() {
        deleted = true;
    }

    /** Whether this account may see the status: public ones anyone, private and direct ones author and mentioned. */
    boolean visibleTo(MastodonAccount viewer) {
        if ("public".equals(visibility) || "unlisted".equals(visibility)) {
            return true;
        }
        return viewer != null && (viewer == account || mentions.contains(viewer));
    }

    Map<String, Object> toJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("created_at", createdAt);
        s.put("in_reply_to_id", inReplyToId);
        s.put("in_reply_to_account_id", inReplyToAccountId);
        s.put("sensitive", false);
        s.put("spoiler_text", "");
        s.put("visibility", visibility);
        s.put("language", "en");
        s.put("uri", account.baseUrl + "/users/" + account.username() + "/statuses/" + id);
        s.put("url", account.url() + "/" + id);
        s.put("replies_count", 0);
        s.put("reblogs_count", 0);
        s.put("favourites_count", 0);
        s.put("edited_at", null);
        s.put("content", reblogOf != null ? "" : html());
        if (reblogOf != null) {
            // Absent rather than null: the document's oneOf [Status, null] makes a null ambiguous to validators.
            s.put("reblog", reblogOf.toJson());
        }
        s.put("account", account.toJson());
        s.put("media_attachments", List.of());
        s.put("mentions", mentions.stream().map(MastodonAccount::toMentionJson).toList());
        s.put("tags", List.of());
        s.put("emojis", List.of());
        return s;
    }

    /** The control view for tests: plain text, author, mentions and idempotency bookkeeping. */
    Map<String, Object> toControlJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("acct", account.acct);
        s.put("visibility", visibility);
        s.put("in_reply_to_id", inReplyToId);
        s.put("text", text);
        s.put("content", html());
        s.put("mentions", mentions.stream().map(m -> m.acct).toList());
        s.put("reblog_of", reblogOf == null ? null : reblogOf.id);
        s.put("idempotency_key", idempotencyKey);
        s.put("idempotent_repeats", idempotentRepeats);
        s.put("created_at", createdAt);
        return s;
    }

    /** Mastodon's rendering: escaped text in a paragraph, line breaks, mentions as h-card links. */
    String html() {
        StringBuilder out = new StringBuilder("<p>");
        java.util.regex.Matcher m = MastodonSimulator.MENTION.matcher(text);
        int last = 0;
        List<String> mentioned = new ArrayList<>();
        mentions.forEach(a -> mentioned.add(a.acct.toLowerCase(java.util.Locale.ROOT)));
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            String acct = m.group(1);
            MastodonAccount a = mentions.stream().filter(x -> x.acct.equalsIgnoreCase(acct)).findFirst().orElse(null);
            if (a == null) {
                out.append(escape(m.group()));
            } else {
                out.append("<span class=\"h-card\" translate=\"no\"><a href=\"").append(escape(a.url()))
                        .append("\" class=\"u-url mention\">@<span>").append(escape(a.acct)).append("</span></a></span>");
            }
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.append("</p>").toString().replace("\n", "<br />");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
