package org.socialcarebridge.triage.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CrisisSignalTest {
    private final CrisisSignal crisis = new CrisisSignal(CrisisSignal.defaultWords());

    @Test
    void findsWholeWordsAnyCase() {
        assertEquals(List.of("outage"), crisis.read("Huge OUTAGE in Leeds"));
        assertEquals(List.of(), crisis.read("firewall settings, smokey flavour, scampi, hurtle"));
    }

    @Test
    void answersEntriesAsWrittenInListOrderOnce() {
        assertEquals(List.of("injured", "hospital", "lawyer"),
                crisis.read("My lawyer says: I was injured, INJURED, and went to hospital"));
    }

    @Test
    void findsSimpleInflections() {
        assertEquals(List.of("injured"), crisis.read("a serious injury"));
        assertEquals(List.of("injured"), crisis.read("your driver could injure someone"));
        assertEquals(List.of("sue"), crisis.read("I am suing you"));
        assertEquals(List.of("sue"), crisis.read("we will sue"));
        assertEquals(List.of("cancelled"), crisis.read("my flight was canceled"));
        assertEquals(List.of("cancelled"), crisis.read("I got a cancellation email"));
        assertEquals(List.of("cancelled"), crisis.read("you cancel everything"));
        assertEquals(List.of("stranded"), crisis.read("we are strand at the gate"));
        assertEquals(List.of("hacked"), crisis.read("my account got hacked"));
        assertEquals(List.of("scam"), crisis.read("you scammed me"));
    }

    @Test
    void findsPhrases() {
        assertEquals(List.of("not working"), crisis.read("the app is not working"));
        assertEquals(List.of("not working"), crisis.read("the app isn't working"));
        assertEquals(List.of("data breach"), crisis.read("was there a Data Breach?"));
        assertEquals(List.of("food poisoning"), crisis.read("food poisoned after your burger"));
        assertEquals(List.of("legal action"), crisis.read("I will take legal action"));
        assertEquals(List.of(), crisis.read("data is fine, breach of nothing"));
    }

    @Test
    void downOnlyWhenSomethingIsDown() {
        assertEquals(List.of("down"), crisis.read("is the site down?"));
        assertEquals(List.of("down"), crisis.read("your servers are down again"));
        assertEquals(List.of("down"), crisis.read("everything went down at 9"));
        assertEquals(List.of("down"), crisis.read("app down for me"));
        assertEquals(List.of(), crisis.read("please sit down and relax"));
        assertEquals(List.of(), crisis.read("down the road from your store"));
    }

    @Test
    void gettingFiredIsNoFire() {
        assertEquals(List.of(), crisis.read("I got fired yesterday so I need to pause my plan"));
        assertEquals(List.of("fire"), crisis.read("there is a fire in your store"));
    }

    @Test
    void customList() {
        CrisisSignal own = new CrisisSignal(List.of("Recall", "down", "  ", "!!!", "chest pain"));
        assertEquals(List.of("Recall", "chest pain"), own.read("Is there a recall? My dad has chest pains"));
        assertEquals(List.of("down"), own.read("site down"));
        // each entry once, as written; "Fire" is written differently from "fire"
        assertEquals(List.of("fire", "Fire"), new CrisisSignal(List.of("fire", "fire", "Fire")).read("fire FIRE fires"));
    }

    @Test
    void hostileInputs() {
        assertEquals(List.of(), crisis.read(""));
        assertEquals(List.of(), crisis.read(null));
        assertEquals(List.of(), crisis.read("😀🔥🚒"));
        assertEquals(List.of(), crisis.read("<script>alert(1)</script>"));
        assertEquals(List.of("fire"), crisis.read("<b>fire</b>"));
        assertEquals(List.of("outage"), crisis.read("Сбой outage 障害"));
        assertEquals(List.of(), crisis.read("https://fire.example/outage @outage"));
        String longText = "my order is late and nobody answers ".repeat(280) + "urgent";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(List.of("urgent"), crisis.read(longText));
            assertTrue(crisis.read("a".repeat(10_000)).isEmpty());
        });
    }
}
