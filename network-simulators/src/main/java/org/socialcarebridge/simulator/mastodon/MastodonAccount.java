package org.socialcarebridge.simulator.mastodon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A local account of the simulated instance; profile values can be changed through {@code /sim/accounts}. */
final class MastodonAccount {
    final String id;
    final String acct;
    final String createdAt;
    final String baseUrl;
    volatile String displayName;
    volatile String note = "";
    volatile long followers;
    volatile boolean bot;
    volatile int statuses;
    /** Test control: shown as a remote account of this domain ({@code acct@domain}), or null for a local one. */
    volatile String domain;
    /** Test control: the profile link as its server gives it, or null for this instance's. */
    volatile String profileUrl;

    MastodonAccount(String id, String acct, String createdAt, String baseUrl) {
        this.id = id;
        this.acct = acct;
        this.createdAt = createdAt;
        this.baseUrl = baseUrl;
        this.displayName = acct;
    }

    String url() {
        return profileUrl != null ? profileUrl : baseUrl + "/@" + acct;
    }

    /** As Mastodon's acct: the username, and the domain of a remote account. */
    String qualifiedAcct() {
        return domain == null ? acct : acct + "@" + domain;
    }

    /** The Account entity with every field Mastodon's API documents as required. */
    Map<String, Object> toJson() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("username", acct);
        a.put("acct", qualifiedAcct());
        a.put("display_name", displayName);
        a.put("locked", false);
        a.put("bot", bot);
        a.put("group", false);
        a.put("indexable", true);
        a.put("created_at", createdAt);
        a.put("note", note);
        a.put("url", url());
        a.put("uri", baseUrl + "/users/" + acct);
        a.put("avatar", baseUrl + "/avatars/original/missing.png");
        a.put("avatar_static", baseUrl + "/avatars/original/missing.png");
        a.put("header", baseUrl + "/headers/original/missing.png");
        a.put("header_static", baseUrl + "/headers/original/missing.png");
        a.put("followers_count", followers);
        a.put("following_count", 0);
        a.put("statuses_count", statuses);
        a.put("emojis", List.of());
        a.put("fields", List.of());
        return a;
    }

    /** verify_credentials adds the caller's own source values and role. */
    Map<String, Object> toCredentialJson() {
        Map<String, Object> a = toJson();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("note", note);
        source.put("fields", List.of());
        source.put("privacy", "public");
        source.put("sensitive", false);
        source.put("indexable", true);
        source.put("follow_requests_count", 0);
        a.put("source", source);
        a.put("role", Map.of("id", "-99", "name", "", "color", "", "permissions", "0", "highlighted", false));
        return a;
    }

    Map<String, Object> toMentionJson() {
        return Map.of("id", id, "username", acct, "acct", qualifiedAcct(), "url", url());
    }
}
