package org.socialcarebridge.component.facebook;

/** Where a person finds what the Page posted: Facebook opens any object by its id; messages in the Page's inbox. */
final class FacebookUrls {
    private FacebookUrls() {
    }

    static String comment(String commentId) {
        return "https://www.facebook.com/" + commentId;
    }

    /** Messenger messages have no public address; the Page's inbox in Meta Business Suite shows them. */
    static String inbox(String pageId) {
        return "https://business.facebook.com/latest/inbox/all?asset_id=" + pageId;
    }
}
