package org.socialcarebridge.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClosingReplyTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "@nina Glad we could help, have a great day!                | true",
            "@nina Happy to help!                                       | true",
            "@nina So glad that's sorted now.                           | true",
            "@nina Glad it's working again. Enjoy the trip!             | true",
            "@nina Thanks for your patience, all done now.              | true",
            "@nina Have a lovely weekend                                | true",
            "@nina I’m glad we were able to fix it                      | true",
            "@nina Sorry, we are looking into it                        | false",
            "@nina Could you DM us your order number?                   | false",
            "@nina Thanks for getting in touch, could you DM us the order? | false",
            "@nina We have asked the courier to deliver tomorrow        | false",
            "@nina Not glad at all about this delay, we will fix it     | false",
    })
    void readsWhetherABrandReplyClosesTheCase(String text, boolean closes) {
        assertEquals(closes, ClosingReply.closes(text));
    }
}
