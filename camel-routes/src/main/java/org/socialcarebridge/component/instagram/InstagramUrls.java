package org.socialcarebridge.component.instagram;

/**
 * Where a person finds what the account posted. Instagram gives a comment or a direct message no public
 * address of its own, so both link to the inbox of Meta Business Suite for the linked Page, which holds
 * the account's comments and messages (the address Facebook's channel uses for Messenger).
 */
final class InstagramUrls {
    private InstagramUrls() {
    }

    static String inbox(String pageId) {
        return "https://business.facebook.com/latest/inbox/all?asset_id=" + pageId;
    }
}
