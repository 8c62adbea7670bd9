package org.socialcarebridge.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResolutionConfirmationTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # the customer says it is solved
            thanks, all fixed                                | true
            "that worked, cheers"                            | true
            sorted now thank you                             | true
            problem solved!                                  | true
            all good now                                     | true
            it's working again                               | true
            Thank you for talking to me over the phone! Glad we got things fixed! | true
            All sorted, thank you so much!                   | true
            Yes that fixed it                                | true
            "Works now, thanks"                              | true
            it works!                                        | true
            "The refund came through, thanks"                | true
            "my parcel arrived today, thanks"                | true
            "Issue resolved, thank you"                      | true
            "you fixed my account, cheers"                   | true
            Everything is working fine now                   | true
            "No more errors, thanks!"                        | true
            it's not broken anymore                          | true
            no longer crashing :)                            | true
            "Back online now, thanks"                        | true
            up and running again 👍                          | true
            That did the trick!                              | true
            Fixed!                                           | true
            FIXED 🎉                                         | true
            "sorted it out myself, thanks"                   | true
            "I fixed it myself, all good"                    | true
            the app works perfectly now                      | true
            "Has been fixed, thanks"                         | true
            Reinstalling fixed it                            | true
            "No worries, it's fixed now"                     | true
            "Thanks, that's sorted. Can you also check my other order?" | true
            works for me                                     | true
            "@acme #fixed thanks"                            | true
            It is working now. Thank you!                    | true
            "solved the issue, you're a star"                | true
            # questions
            is it fixed?                                     | false
            "fixed? no"                                      | false
            "fixed, right?"                                  | false
            is it fixed yet                                  | false
            has it been fixed                                | false
            isn't it sorted yet?                             | false
            Resolved? Not really                             | false
            # negated or contradicted
            still not fixed                                  | false
            not working                                      | false
            not fixed yet                                    | false
            it's still not working                           | false
            nothing works                                    | false
            doesn't work                                     | false
            that didn't work                                 | false
            none of it worked                                | false
            "it worked for a day, then stopped"              | false
            thanks but it's still broken                     | false
            Still broken                                     | false
            fixed it but now the screen is broken            | false
            my parcel arrived damaged                        | false
            "the app is not working, it never worked"        | false
            "thanks, it's working but the refund is missing" | false
            "all good, except the bill is wrong"             | false
            # waiting on it
            when will it be fixed                            | false
            I hope it gets fixed soon                        | false
            please let me know once it's resolved            | false
            can you confirm it's fixed                       | false
            if that's fixed I'll be happy                    | false
            it should be working now                         | false
            how do I get this fixed                          | false
            it'll be fixed tomorrow they said                | false
            # sarcasm
            thanks for nothing                               | false
            "fixed, yeah right"                              | false
            love this fix /s                                 | false
            # gratitude alone, or other things
            thanks                                           | false
            thank you so much                                | false
            "great, thanks 👍"                               | false
            ok                                               | false
            the problem is back                              | false
            "thanks, I'll try that"                          | false
            "I'm working from home, can you call me later"   | false
            we're still working on it                        | false
            "it worked before the update, now it doesn't"    | false
            # the customer fixed something else and asks for more
            "fixed the typo in my address, now send my parcel" | false
            I sorted the photos into albums                  | false
            """)
    void confirmsOnlyAStatedResolution(String text, boolean confirms) {
        assertEquals(confirms, ResolutionConfirmation.confirms(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void blankConfirmsNothing(String text) {
        assertFalse(ResolutionConfirmation.confirms(text));
    }

    @Test
    void nullConfirmsNothing() {
        assertFalse(ResolutionConfirmation.confirms(null));
    }

    @Test
    void onlyTheFirstCharactersAreRead() {
        String filler = "hello there. ".repeat(ResolutionConfirmation.MAX_CHARS / 13 + 1);
        assertFalse(ResolutionConfirmation.confirms(filler + "all fixed"));
        assertTrue(ResolutionConfirmation.confirms("all fixed. " + filler));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed ", "not ", "is it ", "thanks for ", "no more ", "working on ", ", ", "all good "})
    void longHostileInputIsReadQuickly(String unit) {
        String text = unit.repeat(200_000 / unit.length());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> ResolutionConfirmation.confirms(text));
    }
}
