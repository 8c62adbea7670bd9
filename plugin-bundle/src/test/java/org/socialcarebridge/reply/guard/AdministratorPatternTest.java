package org.socialcarebridge.reply.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AdministratorPatternTest {
    @Test
    void matchesAreNamedAndMasked() {
        List<Finding> found = new ArrayList<>();
        AdministratorPattern.compile("order number", "ACM-\\d{6}").find("orders ACM-123456 and ACM-654321", found);
        assertEquals(2, found.size());
        assertEquals("order number", found.get(0).name());
        assertEquals(SensitiveData.ACCOUNT_NUMBER, found.get(0).kind());
        assertEquals("••••••••56", found.get(0).shown());
        assertEquals("••••••••21", found.get(1).shown());
        assertEquals("•••", AdministratorPattern.masked("AB1"));
    }

    @Test
    void aPatternThatBacktracksTooMuchReportsTheWholeTextInsteadOfHanging() {
        // Not refused at load time (no nested group), yet cubic on a long run of digits without an x.
        AdministratorPattern slow = new AdministratorPattern("slow", Pattern.compile("\\d*\\d*\\d*x"));
        String text = "1".repeat(5_000);
        List<Finding> found = new ArrayList<>();
        // Without the budget this runs for hours; a preemptive timeout fails the test instead of hanging the build.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> slow.find(text, found), "the read budget stops it");
        assertEquals(1, found.size());
        assertEquals(0, found.get(0).start());
        assertEquals(text.length(), found.get(0).end());
        assertTrue(found.get(0).shown().contains("could not be checked"), found.get(0).shown());
        assertFalse(found.get(0).shown().contains("1111"));
    }

    @Test
    void aCheapPatternStaysWithinItsBudgetOnLongTexts() {
        List<Finding> found = new ArrayList<>();
        AdministratorPattern.compile("account", "(?<!\\d)\\d{10}(?!\\d)").find("12345 ".repeat(2_000) + "1234567890", found);
        assertEquals(1, found.size(), found.toString());
        assertEquals("account", found.get(0).name());
    }
}
