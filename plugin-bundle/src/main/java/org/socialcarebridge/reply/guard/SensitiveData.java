package org.socialcarebridge.reply.guard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of personal data a public reply must never carry. Each has the word an administrator
 * writes in {@code guard.off} and the label an agent reads ("a card number").
 */
public enum SensitiveData {
    CARD_NUMBER("card number"),
    /** Found by the administrator's own patterns; the finding carries the pattern's name. */
    ACCOUNT_NUMBER("account number"),
    EMAIL("e-mail address"),
    PHONE("phone number"),
    DATE_OF_BIRTH("date of birth"),
    POSTAL_ADDRESS("postal address"),
    INTERNAL_LINK("internal link");

    private final String noun;

    SensitiveData(String noun) {
        this.noun = noun;
    }

    /** Without article, e.g. {@code card number}. */
    public String noun() {
        return noun;
    }

    /** With article, e.g. {@code a card number}, {@code an e-mail address}. */
    public String label() {
        return withArticle(noun);
    }

    /** The settings word, e.g. {@code postal-address}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind an administrator means by a settings word, in any case, with '-' or '_'. */
    public static Optional<SensitiveData> ofWord(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.word().equals(w)).findFirst();
    }

    /** Every settings word, for fixes in error messages. */
    public static String words() {
        return Arrays.stream(values()).map(SensitiveData::word).collect(Collectors.joining(", "));
    }

    static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.isEmpty() ? 'x' : noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }
}
