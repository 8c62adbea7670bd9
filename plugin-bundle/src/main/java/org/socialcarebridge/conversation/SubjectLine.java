package org.socialcarebridge.conversation;

/**
 * A ticket's subject, made from the customer's text: the network, "DM" for a private message, and the
 * text without its leading @-mentions, on one line, shortened on a word boundary.
 *
 * <p>The text is the internet's: up to 10,000 characters on X, any characters at all. Every step is one
 * linear pass with no regular expression, so no text can make it slow or overflow the stack (a regex
 * repeating a group of alternatives recursed once per mention: 2,500 mentions were a
 * {@code StackOverflowError}). Control characters become spaces, and a cut never leaves half a
 * surrogate pair, so the subject is always printable text for the help desk.
 */
public final class SubjectLine {
    /** The most characters of the customer's text in a subject, the ellipsis included. */
    public static final int MAX_TEXT = 80;

    private SubjectLine() {
    }

    public static String of(InboundMessage m) {
        String text = oneLine(withoutLeadingMentions(m.text()));
        if (text.isEmpty()) {
            text = oneLine("Message from @" + m.author().handle());
        }
        return m.network().displayName() + (m.visibility() == Visibility.PRIVATE ? " DM: " : ": ") + shortened(text);
    }

    /**
     * The text after its leading mentions: {@code @user} or {@code @user@domain}, separated by white space
     * ({@code user} is ASCII word characters, the domain word characters, dots and dashes).
     */
    static String withoutLeadingMentions(String text) {
        int n = text.length();
        int i = 0;
        int end = 0;
        while (true) {
            int j = i;
            while (j < n && isSpace(text.charAt(j))) {
                j++;
            }
            int user = j + 1;
            if (j >= n || text.charAt(j) != '@' || user >= n || !isWord(text.charAt(user))) {
                break;
            }
            j = user;
            while (j < n && isWord(text.charAt(j))) {
                j++;
            }
            if (j + 1 < n && text.charAt(j) == '@' && isDomain(text.charAt(j + 1))) {
                j++;
                while (j < n && isDomain(text.charAt(j))) {
                    j++;
                }
            }
            i = j;
            end = j;
        }
        return text.substring(end);
    }

    /** White space and control characters as single spaces, stripped. */
    private static String oneLine(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 4 * MAX_TEXT));
        boolean space = true;
        // stops one real character past MAX_TEXT: enough for shortened() to know the text goes on
        for (int i = 0; i < text.length() && (b.length() <= MAX_TEXT || space); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                if (!space) {
                    b.append(' ');
                    space = true;
                }
            } else {
                b.append(c);
                space = false;
            }
        }
        int last = b.length() - 1;
        if (last >= 0 && b.charAt(last) == ' ') {
            b.setLength(last);
        }
        return b.toString();
    }

    /** At most MAX_TEXT characters, cut after a word when one ends in the second half, never in a pair. */
    private static String shortened(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_TEXT - 1);
        if (cut <= MAX_TEXT / 2) {
            cut = MAX_TEXT - 1;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
        }
        return text.substring(0, cut) + "…";
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isDomain(char c) {
        return isWord(c) || c == '.' || c == '-';
    }
}
