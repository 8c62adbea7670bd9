package org.socialcarebridge.component.instagram;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.webhook.WebhookLookUps;

/**
 * Who writes a direct message, which the webhook names by Instagram-scoped id only: read once per person
 * from the User Profile API and kept, with a pause after a failure ({@link WebhookLookUps}), so that the
 * ticket shows the @username, name and followers as for a comment of the same person. What cannot be read
 * now is left out: the message is filed all the same, by the id.
 */
public final class InstagramProfiles {
    /** No look-ups: direct messages are filed by the sender's id. */
    public static final InstagramProfiles NONE = new InstagramProfiles(null);

    /** What the User Profile API tells of a person; {@code name} may be null. */
    record Profile(String username, String name, long followers, boolean verified) {
    }

    private final InstagramApi api;
    private final WebhookLookUps.Kept<Profile> profiles = new WebhookLookUps("Instagram").kept();

    public InstagramProfiles(InstagramApi api) {
        this.api = api;
    }

    /** The person behind an Instagram-scoped id, or null when unknown or not readable now. */
    Profile of(String igsid) {
        return api == null ? null : profiles.get(igsid, () -> profile(api.profile(igsid)),
                "the profile of Instagram sender " + igsid + " (the ticket shows the id)");
    }

    /** Null without a username: a name or follower count alone does not make the sender recognisable. */
    private static Profile profile(JsonNode answer) {
        String username = answer.path("username").asText("").strip();
        String name = answer.path("name").asText("").strip();
        return username.isEmpty() ? null : new Profile(username, name.isEmpty() ? null : name,
                Math.max(0, answer.path("follower_count").asLong(0)), answer.path("is_verified_user").asBoolean(false));
    }
}
