package org.socialcarebridge.routes.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void richTextReplyBecomesPlainText() {
        assertEquals("Hi Maria,\n\nwe're on it & will DM you <soon>.",
                HtmlText.of("<p>Hi Maria,</p><p>we&#39;re on it &amp; will <b>DM</b> you &lt;soon&gt;.</p>"));
        assertEquals("line one\nline two", HtmlText.of("line one<br/>line two<script>alert(1)</script>"));
    }
}
