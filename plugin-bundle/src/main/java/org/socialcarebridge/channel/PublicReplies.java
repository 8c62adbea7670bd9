package org.socialcarebridge.channel;

/**
 * How the brand answers in public, in the customer's thread.
 *
 * @param limit   the most one post may hold, as {@code length} counts it
 * @param length  how the network counts
 * @param threads whether a reply over the limit may become a numbered thread, and where its mentions go
 * @param mentionsAuthor whether a reply starts with the @handles of those it answers (X, Mastodon); on
 *                 Facebook a reply sits under the comment it answers, and people have names, not handles
 */
public record PublicReplies(int limit, LengthRule length, Threads threads, boolean mentionsAuthor) {
    /** Replies that start with the @handles of those they answer. */
    public PublicReplies(int limit, LengthRule length, Threads threads) {
        this(limit, length, threads, true);
    }


    public enum Threads {
        /** A reply over the limit is refused; the network has no threads of the brand's own posts. */
        NONE,
        /** Only the first part mentions; a reply to the brand's previous part already shows in the thread (X). */
        MENTIONS_IN_FIRST_PART,
        /** Every part mentions: a post reaches only the accounts it mentions (Mastodon). */
        MENTIONS_IN_EVERY_PART
    }

    public PublicReplies {
        if (limit < 1 || length == null || threads == null) {
            throw new IllegalArgumentException("Public replies need a limit of at least 1, a length rule and a thread"
                    + " style; got " + limit + ", " + length + ", " + threads);
        }
    }
}
