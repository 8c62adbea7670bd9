package org.socialcarebridge.triage.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LanguageSignalTest {
    private final LanguageSignal language = new LanguageSignal();

    @Test
    void latinLanguagesByFunctionWords() {
        assertEquals("en", language.read("My order is late and nobody answers the phone"));
        assertEquals("es", language.read("Mi pedido no ha llegado y nadie responde"));
        assertEquals("fr", language.read("Ma commande n'est pas arrivée et personne ne répond"));
        assertEquals("de", language.read("Meine Bestellung ist noch nicht angekommen und niemand antwortet"));
        assertEquals("it", language.read("Il mio ordine non è ancora arrivato"));
        assertEquals("pt", language.read("O meu pedido ainda não chegou e ninguém responde"));
        assertEquals("nl", language.read("Mijn bestelling is nog niet aangekomen en niemand reageert"));
        assertEquals("en", language.read("quick question: do you price match?"));
    }

    @Test
    void tooFewFunctionWordsIsUndetermined() {
        assertEquals("und", language.read("Refund please"));
        assertEquals("und", language.read("ok"));
        assertEquals("und", language.read(""));
        assertEquals("und", language.read(null));
    }

    @Test
    void otherScriptsByUnicodeScript() {
        assertEquals("ja", language.read("注文した商品がまだ届きません"));
        assertEquals("zh", language.read("我的订单还没有到"));
        assertEquals("ko", language.read("주문한 상품이 아직 안 왔어요"));
        assertEquals("ar", language.read("لم يصل طلبي بعد"));
        assertEquals("he", language.read("ההזמנה שלי עוד לא הגיעה"));
        assertEquals("ru", language.read("Мой заказ до сих пор не пришёл"));
        assertEquals("uk", language.read("Моє замовлення ще не прийшло, і ніхто не відповідає"));
        assertEquals("el", language.read("Η παραγγελία μου δεν έχει φτάσει"));
        assertEquals("th", language.read("คำสั่งซื้อของฉันยังไม่มาถึง"));
        assertEquals("hi", language.read("मेरा ऑर्डर अभी तक नहीं आया"));
    }

    @Test
    void mentionsLinksHashtagsNumbersAndEmojiAreIgnored() {
        assertEquals("und", language.read("@the_and_is https://example.com/the/and/is #theandis 12345 😀😀😀"));
        assertEquals("ru", language.read("@acme_support_team https://example.com/order/12345 #OrderProblems Заказ не пришёл 😡"));
        assertEquals("es", language.read("@the_brand_is_here no ha llegado mi pedido #TheWorst"));
    }

    @Test
    void mixedScriptsGoToTheScriptWithMostLetters() {
        assertEquals("ja", language.read("iPhoneの画面が割れました"));
        assertEquals("en", language.read("The screen of my phone is broken, 画面"));
        assertEquals("ru", language.read("ok Мой заказ не пришёл"));
    }

    @Test
    void hostileInputs() {
        assertEquals("und", language.read("😀🎉👍"));
        assertEquals("und", language.read("<script>alert(1)</script>"));
        assertEquals("en", language.read("<p>My order is late</p>"));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals("und", language.read("a".repeat(10_000)));
            assertEquals("en", language.read("my order is late and nobody answers ".repeat(280)));
        });
    }
}
