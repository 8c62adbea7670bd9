package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignatureTest {
    final Signature standard = Signature.standard();

    @Test
    void initialsOfEachNameUpToThree() {
        assertEquals("Thanks! ^AA", standard.sign("Thanks!", "Alex Agent"));
        assertEquals("Thanks! ^MJL", standard.sign("Thanks!", "María José López"));
        assertEquals("Thanks! ^A", standard.sign("Thanks!", "agent"));
    }

    @Test
    void moreThanThreeNamesSignWithFirstAndLast() {
        assertEquals(" ^AC", standard.forAgent("Ana María de la Cruz"));
    }

    @Test
    void noNameNoSignature() {
        assertEquals("Thanks!", standard.sign("Thanks!", null));
        assertEquals("Thanks!", standard.sign("Thanks!", "   "));
        assertEquals("Thanks!", standard.sign("Thanks!", "😀 🎉"));
    }

    @Test
    void formatsWithFirstNameAndInitials() {
        assertEquals("Thanks! -Alex", Signature.of(" -{first}").sign("Thanks!", "Alex Agent"));
        assertEquals("Thanks!\n— Alex (AA)", Signature.of("\n— {first} ({initials})").sign("Thanks!", "Alex Agent"));
        assertEquals("Thanks! ^AA", Signature.of(null).sign("Thanks!", "Alex Agent"));
        assertEquals("Thanks! ^AA", Signature.of(" ").sign("Thanks!", "Alex Agent"));
    }

    @Test
    void offSignsNothing() {
        Signature off = Signature.of("off");
        assertTrue(off.isOff());
        assertEquals("Thanks!", off.sign("Thanks!", "Alex Agent"));
        assertEquals("Thanks!", Signature.of(" OFF ").sign("Thanks!", "Alex Agent"));
    }

    @Test
    void neverSignsTwice() {
        String once = standard.sign("Thanks!", "Alex Agent");
        assertEquals(once, standard.sign(once, "Alex Agent"));
        assertEquals(once, standard.sign(once + "  \n", "Alex Agent"));
        assertEquals("Thanks!^AA", standard.sign("Thanks!^AA", "Alex Agent"));
        assertEquals("Thanks! ^AB ^AA", standard.sign("Thanks! ^AB", "Alex Agent"));
    }

    @Test
    void unknownPlaceholderIsRefusedNamingItAndTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signature.of(" ^{last}"));
        assertTrue(e.getMessage().contains("{last}") && e.getMessage().contains("{initials}")
                && e.getMessage().contains("{first}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Signature.of(" ^{initials"));
        assertThrows(IllegalArgumentException.class, () -> Signature.of(" ^initials}"));
    }

    @Test
    void hostileNamesPublishOnlyLetters() {
        assertEquals(" ^AA", standard.forAgent("<b>Alex</b> <a href='x'>Agent</a>"));
        assertEquals(" ^AA", standard.forAgent("😀Alex 🎉 Agent"));
        assertEquals(" ^AA", standard.forAgent("Alex\u202E Agent\u0000"));
        // A name that looks like a placeholder is text, never expanded.
        assertEquals(" -initials", Signature.of(" -{first}").forAgent("{initials}"));
        // Right-to-left names keep their letters; direction overrides are dropped.
        assertEquals(" ^مع", standard.forAgent("\u202Bمحمد علي\u202C"));
        assertEquals(" ^שכ", standard.forAgent("שרה כהן"));
        // Decomposed accents are composed first, so the initial is one letter.
        assertEquals(" ^ÁL", standard.forAgent("A\u0301ngel López"));
    }

    @Test
    void veryLongNamesStayShort() {
        String name = "Alexandra".repeat(1000) + " " + "Agent ".repeat(5000) + "Zed";
        assertEquals(" ^AZ", standard.forAgent(name));
        assertEquals(" -" + "Alexandra".repeat(3).substring(0, 20), Signature.of(" -{first}").forAgent(name));
    }
}
