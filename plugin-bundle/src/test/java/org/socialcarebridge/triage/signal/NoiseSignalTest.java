package org.socialcarebridge.triage.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.triage.TriageInput;

class NoiseSignalTest {
    private final NoiseSignal noise = new NoiseSignal();

    private List<String> read(String text) {
        return noise.read(TriageInput.text(text));
    }

    private List<String> read(String handle, long followers, String text) {
        return noise.read(new TriageInput(text, Network.X, Visibility.PUBLIC, handle, followers, false, false));
    }

    private static void assertKind(String kind, List<String> reasons) {
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(kind + ": \"") || r.startsWith(kind + ": ")),
                () -> "expected " + kind + " in " + reasons);
    }

    @Test
    void spamPitchesAreSpam() {
        assertEquals(List.of("spam: \"bitcoin\" with \"profit\""),
                read("Join my bitcoin group, 300% profit every week"));
        assertKind("spam", read("Forex trading: guaranteed returns for everyone"));
        assertKind("spam", read("Earn $500 a day from home, no experience needed"));
        assertKind("spam", read("Hot singles in your area"));
        assertKind("spam", read("DM me for promo, cheap rates"));
        assertKind("spam", read("@acme check my profile for the best deals"));
        assertKind("spam", read("Congratulations! Claim your prize at our site"));
        assertKind("spam", read("18+ content, see pinned"));
    }

    @Test
    void spamQuotesWhatWasSeen() {
        assertEquals(List.of("spam: \"claim your prize\""), read("Claim your prize before midnight"));
        assertEquals(List.of("spam: \"Earn $500 a day from home, no experience needed\""),
                read("Earn $500 a day from home, no experience needed"));
    }

    @Test
    void linkFarms() {
        assertEquals(List.of("link-farm: 3 links, \"https://a.example/1\""),
                read("great stuff https://a.example/1 https://b.example/2 https://c.example/3"));
        assertEquals(List.of("link-farm: a link and hardly any words, \"https://x.example/deal\""),
                read("@acme wow https://x.example/deal"));
        assertEquals(List.of("link-farm: 2 shortened links, \"bit.ly/3abc\""),
                read("look at these two offers bit.ly/3abc and tinyurl.com/xyz123 right now"));
        assertEquals(List.of("link-farm: the same link twice, \"https://x.example/a\""),
                read("so good https://x.example/a so good https://x.example/a"));
        assertEquals(List.of(), read("@acme broken on arrival https://x.example/photo1 https://x.example/photo2"));
    }

    @Test
    void giveaways() {
        assertEquals(List.of("giveaway: \"follow and retweet to win\""),
                read("Follow and retweet to win a free iPhone!"));
        assertEquals(List.of("giveaway: \"follow rt to win\""), read("Follow & RT to win a PS5"));
        assertEquals(List.of("giveaway: \"#giveaway\""), read("Big news today #giveaway"));
        assertEquals(List.of("giveaway: \"#contest\""), read("Enter now #contest"));
        assertEquals(List.of("giveaway: \"f4f\""), read("f4f anyone? new account"));
        assertEquals(List.of("giveaway: \"follow4follow\""), read("follow4follow please"));
        assertEquals(List.of("giveaway: \"follow back\""), read("follow back and I will too"));
        assertEquals(List.of("giveaway: \"followback\""), read("always followback"));
    }

    @Test
    void marketingChatter() {
        assertEquals(List.of("marketing: 5 hashtags, \"#sale #deal #shoes #fashion #style\""),
                read("New season #sale #deal #shoes #fashion #style"));
        assertEquals(List.of("marketing: \"use code\""), read("Use code SAVE20 at checkout, 20% off everything"));
        assertEquals(List.of("marketing: \"limited time\""), read("Limited time: new colours available"));
        assertEquals(List.of("marketing: \"shop now\""), read("Shop now and get free shipping"));
        assertEquals(List.of("marketing: \"buy now\""), read("Buy now, pay later"));
        assertEquals(List.of("marketing: \"link in bio\""), read("Fresh drop, link in bio"));
        assertEquals(List.of("marketing: \"50% off\""), read("Everything 50% off this weekend"));
        assertEquals(List.of("marketing: \"promo code\""), read("Promo code WINTER for new customers"));
    }

    @Test
    void manualRetweets() {
        assertEquals(List.of("retweet: \"RT @acme\""), read("RT @acme: our stores open at 9 tomorrow"));
        assertEquals(List.of(), read("Please RT @acme this is important to me, my order never came"));
    }

    @Test
    void botLikeAccounts() {
        assertEquals(List.of("bot-like: handle \"maria84629173\" with no followers"),
                read("maria84629173", 0, "hello nice to meet you"));
        assertEquals(List.of("bot-like: one character repeated 9 times, \"aaaaaaaaa\""), read("@acme aaaaaaaaa"));
        assertEquals(List.of("bot-like: \"buy\" repeated 6 times"), read("buy buy buy buy buy buy"));
    }

    @Test
    void genuineCustomersAreNotNoise() {
        assertEquals(List.of(), read("@acme my parcel arrived broken, photo here https://t.co/abc123 please help"));
        assertEquals(List.of(), read("@acme still no refund after 3 weeks #fail #customerservice"));
        assertEquals(List.of(), read("@acme where is my order #A-123456? It was due on Monday"));
        assertEquals(List.of(), read("@acme I'd like a refund, not a promo code"));
        assertEquals(List.of(), read("@acme my promo code doesn't work at checkout"));
        assertEquals(List.of(), read("@acme I was promised 20% off and was charged full price"));
        assertEquals(List.of(), read("john1984123456", 250, "@acme my card was declined twice today"));
        assertEquals(List.of(), read("@acme I entered your contest last month and never heard back"));
        assertEquals(List.of(), read("@acme I paid with bitcoin and the payment is stuck"));
        assertEquals(List.of(), read("@acme the the app crashes when I open it, the same same screen"));
        assertEquals(List.of(), read("@acme 😡😡😡😡😡😡"));
        assertEquals(List.of(), read("@acme why is my order late?"));
        assertEquals(List.of(), read("@acme hey, can you follow back so I can DM you my order number?"));
        assertEquals(List.of(), read("@acme your app says 'claim your reward' but nothing happens when I tap it"));
        assertEquals(List.of(), read("@acme thanks for the 20% off code, used it today!"));
        assertEquals(List.of(), read("@acme #help #please #urgent #fail #angry my order never came"));
        assertEquals(List.of(), read("@acme I'm 18+ and still can't open an account"));
    }

    @Test
    void twoMarketingCuesCountEvenInTheFirstPerson() {
        assertEquals(List.of("marketing: \"use my code\""), read("Use my code ANNA for 20% off"));
        assertEquals(List.of("marketing: 5 hashtags, \"#a #b #c #d #e\""), read("my shop, 30% off #a #b #c #d #e"));
    }

    @Test
    void hostileInputs() {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("<script>alert(1)</script>"));
        assertEquals(List.of(), read("😀🎉👍"));
        assertEquals(List.of(), read("Hello 你好 Привет مرحبا, my order is late"));
        assertEquals(List.of(), noise.read(new TriageInput(null, Network.X, Visibility.PUBLIC, null, 0, false, false)));
        String quoteBreaker = "Claim your prize \"\n\u0000";
        assertEquals(List.of("spam: \"claim your prize\""), read(quoteBreaker));
    }

    @Test
    void longInputsStayLinear() {
        String words = "my order is late and nobody answers ".repeat(300);
        String dollars = "earn $ make $ ".repeat(800) + " from home";
        String links = "https://x.example/" + "a".repeat(9_980);
        String percent = "1%".repeat(5_000) + " off";
        String one = "a".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(List.of(), read(words));
            read(dollars);
            assertKind("link-farm", read(links));
            read(percent);
            assertKind("bot-like", read(one));
        });
    }

    @Test
    void reasonsAreShortAndOnOneLine() {
        String reason = read("RT @" + "a".repeat(500) + " hello").get(0);
        assertTrue(reason.length() < 80, reason);
        String sneaky = read("Claim your prize\n\"quoted\"").get(0);
        assertTrue(!sneaky.contains("\n"), sneaky);
        assertEquals(List.of("retweet: \"RT @evil\""), read("RT @evil\u202E"));
        assertEquals(List.of("marketing: \"20% off\""), read("\u202E20% off\u202C today"));
        assertEquals(List.of("spam: \"claim your prize\""), read("Claim your\u200B prize now"));
    }
}
