package org.socialcarebridge.routes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void richTextReplyBecomesPlainText() {
        assertEquals("Hi Maria,\n\nwe're on it & will DM you <soon>.",
                HtmlText.of("<p>Hi Maria,</p><p>we&#39;re on it &amp; will <b>DM</b> you &lt;soon&gt;.</p>"));
        assertEquals("line one\nline two", HtmlText.of("line one<br/>line two<script>alert(1)</script>"));
    }

    @Test
    void mastodonStatusContentBecomesTheTextAsWritten() {
        String content = "<p><span class=\"h-card\" translate=\"no\"><a href=\"http://127.0.0.1:8087/@acme\" "
                + "class=\"u-url mention\">@<span>acme</span></a></span> my order &lt;script&gt; &#x1F621; "
                + "is late<br />again</p>";
        assertEquals("@acme my order <script> \uD83D\uDE21 is late\nagain", HtmlText.of(content));
        assertEquals("&lt; stays literal", HtmlText.of("&amp;lt; stays literal"));
    }
}
