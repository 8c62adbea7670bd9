package org.socialcarebridge.reply;

import java.util.regex.Pattern;

import org.socialcarebridge.channel.ReplyVisibility;

/**
 * An account's handle as a reply writes it after the {@code @}: {@code user} on X, Instagram and the
 * brand's own Mastodon instance, {@code user@domain} for a remote Mastodon account. Handles come from the
 * network but are checked anyway, since they are pasted into text the brand publishes.
 */
public record Handle(String user, String domain) {
    /**
     * A user of up to 64 letters, digits and {@code _}, with dots inside but not at either end (Instagram's
     * {@code lena.travels}; a sentence's full stop after {@code @maria.} is not part of it). At most 127
     * labels in a domain, as DNS allows: Java runs a repeated group recursively, so an unbounded {@code +}
     * overflowed the stack on a "domain" of 20,000 labels in a reply's text.
     */
    static final String PATTERN = "\\w(?:[\\w.]{0,62}\\w)?(?:@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,126})?";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    /** Reads {@code user}, {@code @user} or {@code @user@domain}; refuses anything else, naming it. */
    public static Handle parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        if (!VALID.matcher(s).matches()) {
            throw new ReplyRefusedException(terms -> "'" + text + "' is not an account handle a reply can mention"
                    + " (expected user or user@domain: letters, digits, _ and dots inside); check the participants of the"
                    + " conversation or send the reply as " + terms.choice(ReplyVisibility.PRIVATE) + ".");
        }
        int at = s.indexOf('@');
        return at < 0 ? new Handle(s, null) : new Handle(s.substring(0, at), s.substring(at + 1));
    }

    /** The same account whatever the case, as networks treat handles. */
    public boolean sameAs(Handle other) {
        boolean sameDomain = domain == null ? other.domain == null
                : other.domain != null && domain.equalsIgnoreCase(other.domain);
        return user.equalsIgnoreCase(other.user) && sameDomain;
    }

    /**
     * The same user, also when one side is written without a domain: the brand's own instance shows
     * its accounts short, so {@code acme} and {@code acme@social.example} are both the brand.
     */
    boolean sameUser(Handle other) {
        return user.equalsIgnoreCase(other.user)
                && (domain == null || other.domain == null || domain.equalsIgnoreCase(other.domain));
    }

    /** The mention as written in a post: {@code @user} or {@code @user@domain}. */
    @Override
    public String toString() {
        return "@" + user + (domain == null ? "" : "@" + domain);
    }
}
