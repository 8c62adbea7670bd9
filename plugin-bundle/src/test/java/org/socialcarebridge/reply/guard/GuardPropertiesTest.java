package org.socialcarebridge.reply.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.socialcarebridge.HostileText;

/** The sensitive-data guard's detectors and the card notice, on hostile text. */
class GuardPropertiesTest {
    private static final SensitiveDataGuard GUARD = new SensitiveDataGuard(new GuardSettings(Set.of("acme.local"),
            List.of(AdministratorPattern.compile("order number", "#\\d{5}")), Set.of()));
    private static final String CARD = "4242 4242 4242 4242";

    @TestFactory
    Stream<DynamicTest> findingsAreInTheTextInOrderAndNeverOverlap() {
        return HostileText.check("guard", 3, text -> {
            List<Finding> found = GUARD.inspect(text);
            int end = 0;
            for (Finding f : found) {
                assertTrue(f.start() >= end && f.start() < f.end() && f.end() <= text.length(), "finding " + f
                        + " after " + end + " in " + text.length() + " characters");
                assertFalse(f.shown().contains(text.substring(f.start(), f.end())) && f.end() - f.start() > 4,
                        "the finding shows the whole value: " + f);
                end = f.end();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aCardAfterAnyTextIsStillFound() {
        return HostileText.check("guard, card at the end", 2, text -> {
            String posted = text + " " + CARD + " ";
            List<Finding> found = GUARD.inspect(posted);
            assertTrue(found.stream().anyMatch(f -> f.end() >= posted.length() - 2),
                    "the card at the end was missed; found " + found);
        });
    }

    @TestFactory
    Stream<DynamicTest> theCardNoticeNeverEchoesTheCustomer() {
        PublicCardNotice notice = new PublicCardNotice();
        return HostileText.check("card notice", 2, text -> {
            Optional<String> reply = notice.nudge(text + " " + CARD, "@alice");
            assertEquals(Optional.of(PublicCardNotice.DEFAULT_TEMPLATE.replace(PublicCardNotice.PLACEHOLDER, "alice")), reply);
            // hostile text as the handle is refused by name, never put in a public post
            try {
                Optional<String> asHandle = notice.nudge(CARD, text);
                assertTrue(asHandle.isPresent() && text.length() <= 64 + 254, "an odd handle went through: " + asHandle);
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().contains("is not a handle"), refused.getMessage());
            }
        });
    }
}
