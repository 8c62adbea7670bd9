package org.socialcarebridge.triage.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.socialcarebridge.triage.Sentiment.NEGATIVE;
import static org.socialcarebridge.triage.Sentiment.NEUTRAL;
import static org.socialcarebridge.triage.Sentiment.POSITIVE;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Sentiment;

class ContactTypeSignalTest {
    private final ContactTypeSignal contact = new ContactTypeSignal();
    private final CrisisSignal crisis = new CrisisSignal(CrisisSignal.defaultWords());

    private ContactType read(String text, Sentiment sentiment) {
        return contact.read(text, sentiment, crisis.read(text));
    }

    @Test
    void seriousCrisisWordsAloneAreCrisis() {
        assertEquals(ContactType.CRISIS, read("My son was injured by your scooter", NEUTRAL));
        assertEquals(ContactType.CRISIS, read("Talking to my lawyer about this", NEUTRAL));
        assertEquals(ContactType.CRISIS, read("Your charger caught fire!", POSITIVE));
        assertEquals(ContactType.CRISIS, read("Was there a data breach?", NEUTRAL));
        assertEquals(ContactType.CRISIS, read("My account was hacked", NEUTRAL));
    }

    @Test
    void milderCrisisWordsNeedTwoAndNegativeSentiment() {
        assertEquals(ContactType.CRISIS, read("My card was stolen, this is a scam", NEGATIVE));
        org.junit.jupiter.api.Assertions.assertNotEquals(ContactType.CRISIS, read("My card was stolen, this is a scam", NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("The site is down", NEGATIVE));
        assertEquals(ContactType.COMPLAINT, contact.read("recall recall", NEGATIVE, List.of("Recall")));
    }

    @Test
    void aServiceDisruptionIsUrgentButNoCrisisHoweverManyOfItsWords() {
        assertEquals(ContactType.COMPLAINT, read("Flight cancelled and we are stranded", NEGATIVE));
        assertEquals(ContactType.COMPLAINT, read("my internet has been down since 7am, is there an outage? urgent", NEGATIVE));
        assertEquals(ContactType.CRISIS, read("the outage left my mum stranded and she got hurt", NEGATIVE),
                "a disruption becomes a crisis when someone got hurt");
    }

    @Test
    void complaints() {
        assertEquals(ContactType.COMPLAINT, read("This is ridiculous", NEGATIVE));
        assertEquals(ContactType.COMPLAINT, read("My parcel arrived broken", NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("Still waiting for my refund", NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("The delivery was delayed again", NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("My order never arrived", NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("please help asap my card is blocked", NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("fix your website it's down", NEUTRAL));
    }

    @Test
    void aNegativeQuestionIsAComplaintANeutralOneAQuestion() {
        assertEquals(ContactType.COMPLAINT, read("Why is my order late?", NEGATIVE));
        assertEquals(ContactType.COMPLAINT, read("Why is my order late?", NEUTRAL));
        assertEquals(ContactType.QUESTION, read("When do you open on Sunday?", NEUTRAL));
    }

    @Test
    void salesLeads() {
        assertEquals(ContactType.SALES_LEAD, read("How much is the family plan?", NEUTRAL));
        assertEquals(ContactType.SALES_LEAD, read("Do you ship to Canada?", NEUTRAL));
        assertEquals(ContactType.SALES_LEAD, read("I want to buy two of these", NEUTRAL));
        assertEquals(ContactType.SALES_LEAD, read("Thinking of switching from my current bank", NEUTRAL));
        assertEquals(ContactType.SALES_LEAD, read("Any deals this week", NEUTRAL));
        assertEquals(ContactType.SALES_LEAD, read("Which laptop would you recommend?", NEUTRAL));
        assertEquals(ContactType.SALES_LEAD, read("What are your prices for students", NEUTRAL));
    }

    @Test
    void questions() {
        assertEquals(ContactType.QUESTION, read("Can I change my delivery address", NEUTRAL));
        assertEquals(ContactType.QUESTION, read("does the app work offline", NEUTRAL));
        assertEquals(ContactType.QUESTION, read("@acme anyone know the opening hours", NEUTRAL));
        assertEquals(ContactType.QUESTION, read("Opening hours on Sunday?", POSITIVE));
        assertEquals(ContactType.QUESTION, read("Love the app! Can I export to PDF?", POSITIVE));
    }

    @Test
    void aQuestionMarkInALinkIsNoQuestion() {
        assertEquals(ContactType.OTHER, read("see https://example.com/page?id=3 here", NEUTRAL));
    }

    @Test
    void feedback() {
        assertEquals(ContactType.FEEDBACK, read("Suggestion: a dark mode", NEUTRAL));
        assertEquals(ContactType.FEEDBACK, read("It would be nice to have a dark mode", NEUTRAL));
        assertEquals(ContactType.FEEDBACK, read("You should open earlier on Saturdays", NEUTRAL));
        assertEquals(ContactType.FEEDBACK, read("Please add Apple Pay", POSITIVE));
        assertEquals(ContactType.FEEDBACK, read("Feature request: export to CSV", NEUTRAL));
    }

    @Test
    void praise() {
        assertEquals(ContactType.PRAISE, read("Thanks for sorting it out so fast", NEUTRAL));
        assertEquals(ContactType.PRAISE, read("Love my new headphones", NEUTRAL));
        assertEquals(ContactType.PRAISE, read("Sarah at the Leeds store was brilliant", POSITIVE));
        assertEquals(ContactType.PRAISE, read("Happy days", POSITIVE));
        assertEquals(ContactType.PRAISE, read("I'd recommend you to everyone", NEUTRAL));
    }

    @Test
    void other() {
        assertEquals(ContactType.OTHER, read("Just landed in Paris", NEUTRAL));
        assertEquals(ContactType.OTHER, read("Just landed in Paris", null));
    }

    @Test
    void hostileInputs() {
        assertEquals(ContactType.OTHER, read("", NEUTRAL));
        assertEquals(ContactType.OTHER, contact.read(null, null, null));
        assertEquals(ContactType.OTHER, read("<script>alert(1)</script>", NEUTRAL));
        assertEquals(ContactType.OTHER, read("😀🎉👍", NEUTRAL));
        assertEquals(ContactType.PRAISE, read("😀🎉👍", POSITIVE));
        assertEquals(ContactType.COMPLAINT, read("Привет, 注文 my order is late", NEUTRAL));
        assertEquals(ContactType.OTHER, read("a".repeat(10_000), NEUTRAL));
        assertEquals(ContactType.COMPLAINT, read("my order is late and nobody answers ".repeat(280), NEUTRAL));
    }
}
