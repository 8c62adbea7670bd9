package org.socialcarebridge.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.TriageRules;

/** The export of a seeded month, read back with independent CSV and JSON parsers. */
class MessageExportTest {
    Database db;

    @BeforeEach
    void seed() {
        db = TestDatabase.open();
        SeededMessages.seed(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The two files' texts for one window, exported with the given page size. */
    record Exported(long rows, String csv, String jsonl) {
        List<Map<String, String>> csvRows() {
            List<List<String>> records = ExportFiles.csv(csv);
            List<String> header = records.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                assertEquals(header.size(), r.size(), "every record has every column: " + r);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.get(i));
                }
                rows.add(row);
            }
            return rows;
        }

        List<Map<String, Object>> jsonRows() {
            return jsonl.lines().map(ExportFiles::json).toList();
        }
    }

    Exported export(Instant from, Instant to, int pageSize) throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        long rows;
        try (CsvMessageWriter c = new CsvMessageWriter(csv); JsonLinesMessageWriter j = new JsonLinesMessageWriter(jsonl)) {
            rows = new MessageExport(db, pageSize).export(from, to, List.of(c, j));
        }
        return new Exported(rows, csv.toString(StandardCharsets.UTF_8), jsonl.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> row(List<Map<String, String>> rows, String network, String messageId) {
        return rows.stream().filter(r -> r.get("network").equals(network) && r.get("message_id").equals(messageId))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + network + " " + messageId + " in " + rows));
    }

    static Map<String, Object> json(List<Map<String, Object>> rows, String messageId) {
        return rows.stream().filter(r -> r.get("message_id").equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON object for " + messageId));
    }

    @Test
    void everyMessageOfTheWindowInOrderWithTheHeaderOfTheColumns() throws IOException {
        Exported e = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE);
        List<List<String>> records = ExportFiles.csv(e.csv());
        assertEquals(Arrays.stream(MessageColumn.values()).map(MessageColumn::header).toList(), records.get(0));
        List<String> keys = e.csvRows().stream()
                .map(r -> (r.get("network").equals("X") ? "x:" : "mastodon:") + r.get("message_id")).toList();
        assertEquals(SeededMessages.IN_ORDER, keys, "created_at order, ties by key; the window's edges: from in, to out");
        assertEquals(SeededMessages.IN_ORDER.size(), e.rows());
        List<Map<String, Object>> json = e.jsonRows();
        assertEquals(SeededMessages.IN_ORDER.size(), json.size());
        for (Map<String, Object> o : json) {
            assertEquals(records.get(0), new ArrayList<>(o.keySet()), "every object has every column, in order");
        }
    }

    @Test
    void aFiledComplaintCarriesItsTicketAndTriageAndItsTextSurvivesBothFormats() throws IOException {
        Exported e = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE);
        Map<String, String> c = row(e.csvRows(), "X", "1000");
        assertEquals("inbound", c.get("direction"));
        assertEquals("2026-11-01T00:00:00Z", c.get("created_at"));
        assertEquals("101", c.get("ticket_id"));
        assertEquals("x:1000", c.get("conversation_key"));
        assertEquals("2001", c.get("author_account_id"));
        assertEquals("alice", c.get("author_handle"));
        assertEquals("Alice Example", c.get("author_name"));
        assertEquals("public", c.get("visibility"));
        assertNull(c.get("in_reply_to"));
        assertEquals("1000", c.get("thread_id"));
        assertEquals("https://x.com/alice/status/1000", c.get("url"));
        assertEquals(SeededMessages.TRICKY, c.get("text"), "quotes, commas, CRLF, LF and emoji round-trip through CSV");
        assertEquals("filed", c.get("ledger_state"));
        assertNull(c.get("state_reason"));
        assertNull(c.get("delivery_kind"), "an inbound message has no delivery");

        // Triage's columns are what triage decides for that message (decided again here, deterministically).
        InboundMessage m = SeededMessages.message(SeededMessages.ALICE, "1000", SeededMessages.TRICKY, "2026-11-01T00:00:00Z",
                Visibility.PUBLIC);
        TriageDecision d = new Triage(TriageRules::defaults, new TextModel())
                .decide(TriageInput.of(m, false), Instant.parse("2026-11-01T00:00:02Z"));
        Map<String, Object> j = json(e.jsonRows(), "1000");
        assertEquals(SeededMessages.TRICKY, j.get("text"), "and through JSON");
        assertEquals(101L, j.get("ticket_id"), "a number, not a string");
        assertEquals(d.ticket(), j.get("ticketed"));
        assertEquals(d.tier().name(), j.get("tier"));
        assertEquals(d.category(), j.get("category"));
        assertEquals(d.signals().sentiment().key(), j.get("sentiment"));
        assertEquals(d.signals().sentimentScore(), ((Number) j.get("sentiment_score")).doubleValue(), 1e-9);
        assertEquals(d.signals().contactType().key(), j.get("contact_type"));
        assertEquals(d.signals().language(), j.get("language"));
        assertEquals(d.queue(), j.get("queue"));
        assertEquals((long) d.priority(), j.get("priority"));
        assertEquals(d.due().toString(), j.get("due"));
        assertEquals(d.approvalRequired(), j.get("approval_required"));
        assertEquals(String.valueOf(d.signals().sentimentScore()), c.get("sentiment_score"),
                "a score is written as a number in CSV too, even a negative one (no formula guard on numbers)");
    }

    @Test
    void anAgentsMoveToPrivateIsTwoPostsEachWithItsLinkAndWhereItWent() throws IOException {
        List<Map<String, String>> rows = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE).csvRows();
        Map<String, String> ack = row(rows, "X", "9001");
        Map<String, String> dm = row(rows, "X", "9002");
        for (Map<String, String> r : List.of(ack, dm)) {
            assertEquals("outbound", r.get("direction"));
            assertEquals("101", r.get("ticket_id"));
            assertEquals("x:1000", r.get("conversation_key"));
            assertEquals("reply", r.get("delivery_kind"));
            assertEquals("alex", r.get("agent"));
            assertEquals("Move to private", r.get("reply_visibility"));
            assertEquals("posted", r.get("delivery_state"));
            assertEquals("2026-11-01T09:30:00Z", r.get("posted_at"));
            assertEquals("filed", r.get("ledger_state"));
            assertNull(r.get("author_account_id"), "the brand's own posts carry no customer");
            assertNull(r.get("ticketed"), "triage is for inbound messages");
        }
        assertEquals("public", ack.get("visibility"));
        assertEquals("https://x.com/acme/status/9001", ack.get("post_url"));
        assertEquals("'@alice We want to fix this. We've sent you a DM.", ack.get("text"),
                "a mention first is a formula to a spreadsheet too (JSON Lines has the text as posted)");
        assertEquals("private", dm.get("visibility"));
        assertEquals("9002", dm.get("post_url"), "the outbox keeps the id when the network gave no link");
    }

    @Test
    void theClosingAndTheAnsweredSurveyAreThePluginsFollowUps() throws IOException {
        Exported e = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE);
        Map<String, String> closing = row(e.csvRows(), "X", "9003");
        assertEquals("closing", closing.get("delivery_kind"));
        assertEquals("alex", closing.get("agent"), "who resolved the ticket");
        assertEquals("sent", closing.get("delivery_state"));
        assertEquals("public", closing.get("visibility"));
        assertEquals("https://x.com/acme/status/9003", closing.get("post_url"));
        assertEquals("2026-11-05T10:00:00Z", closing.get("posted_at"));
        assertNull(closing.get("survey_score"));
        assertNull(closing.get("reply_visibility"), "no agent chose it");

        Map<String, Object> survey = json(e.jsonRows(), "9004");
        assertEquals("survey", survey.get("delivery_kind"));
        assertEquals("answered", survey.get("delivery_state"));
        assertEquals("private", survey.get("visibility"));
        assertEquals(2L, survey.get("survey_score"));
        assertEquals(SeededMessages.ANGRY_ANSWER, survey.get("survey_answer"));
        assertEquals("2026-11-05T10:05:00Z", survey.get("posted_at"));

        Map<String, Object> unexplained = json(e.jsonRows(), "9999");
        assertEquals("outbound", unexplained.get("direction"));
        assertNull(unexplained.get("delivery_kind"), "a post no record explains is exported without delivery data");
        assertTrue(unexplained.containsKey("delivery_kind"));
    }

    @Test
    void everyLedgerStateWithItsReason() throws IOException {
        List<Map<String, String>> rows = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE).csvRows();
        Map<String, String> noise = row(rows, "X", "1001");
        assertEquals("filtered", noise.get("ledger_state"));
        assertEquals("giveaway: follow and RT to win; 4 hashtags", noise.get("state_reason"));
        assertNull(noise.get("ticket_id"));
        assertTrue(noise.get("ticketed") != null, "a filtered message was triaged");

        Map<String, String> ignored = row(rows, "X", "1002");
        assertEquals("ignored", ignored.get("ledger_state"));
        assertEquals("the brand's own post", ignored.get("state_reason"));
        assertNull(ignored.get("ticketed"), "never triaged: no triage columns");

        Map<String, String> dead = row(rows, "Mastodon", "777");
        assertEquals("dead_letter", dead.get("ledger_state"));
        assertEquals("RT refused the ticket: no queue Social", dead.get("state_reason"));
        assertEquals("private", dead.get("visibility"));
        assertEquals("carol@mastodon.example", dead.get("author_handle"));

        assertEquals("received", row(rows, "X", "1003").get("ledger_state"));
    }

    @Test
    void textsThatASpreadsheetWouldRunAreNeutralisedInCsvAndExactInJson() throws IOException {
        Exported e = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE);
        Map<String, String> c = row(e.csvRows(), "X", "1003");
        assertEquals("'" + SeededMessages.FORMULA, c.get("text"));
        assertEquals("'+SUM(A1:A9)", c.get("author_name"));
        assertEquals("'@eve", c.get("author_handle"));
        Map<String, Object> j = json(e.jsonRows(), "1003");
        assertEquals(SeededMessages.FORMULA, j.get("text"));
        assertEquals("+SUM(A1:A9)", j.get("author_name"));
        for (Map<String, String> r : e.csvRows()) {
            for (Map.Entry<String, String> cell : r.entrySet()) {
                String v = cell.getValue();
                assertFalse(v != null && !v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0,
                        "no cell starts a formula: " + cell);
                assertFalse(v != null && v.startsWith("-") && !cell.getKey().equals("sentiment_score"),
                        "only numbers may start with '-': " + cell);
            }
        }
    }

    @Test
    void pagesOfAnySizeGiveTheSameFiles() throws IOException {
        Exported whole = export(SeededMessages.FROM, SeededMessages.TO, MessageExport.PAGE);
        for (int size : new int[] {1, 2, 3, SeededMessages.IN_ORDER.size(), SeededMessages.IN_ORDER.size() + 1}) {
            Exported paged = export(SeededMessages.FROM, SeededMessages.TO, size);
            assertEquals(whole.csv(), paged.csv(), "page size " + size);
            assertEquals(whole.jsonl(), paged.jsonl(), "page size " + size);
            assertEquals(whole.rows(), paged.rows());
        }
    }

    @Test
    void theWindowIsOnWhenAMessageWasWrittenFromIncludedToNot() throws IOException {
        Instant from = SeededMessages.FROM;
        assertEquals(List.of("1000"), ids(export(from, from.plusSeconds(1), 2)));
        assertEquals(List.of("before"), ids(export(from.minusSeconds(1), from, 2)),
                "written on October 31st, received on November 1st: October's");
        Instant tie = Instant.parse("2026-11-07T00:00:00Z");
        assertEquals(List.of("1999", "2000"), ids(export(tie, tie.plusNanos(1000), 1)), "one instant, ordered by key, paged by one");
        assertEquals(List.of("last"), ids(export(Instant.parse("2026-11-30T00:00:00Z"), SeededMessages.TO, 2)));
        assertEquals(List.of("at-to"), ids(export(SeededMessages.TO, SeededMessages.TO.plusSeconds(1), 2)));
    }

    @Test
    void anEmptyWindowGivesTheHeaderAloneAndAnEmptyJsonLinesFile() throws IOException {
        Exported e = export(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z"), 3);
        assertEquals(0, e.rows());
        String header = String.join(",", Arrays.stream(MessageColumn.values()).map(MessageColumn::header).toList()) + "\r\n";
        assertEquals(header, e.csv());
        assertEquals("", e.jsonl());
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> export(SeededMessages.TO, SeededMessages.FROM, 10));
        assertTrue(e.getMessage().contains(SeededMessages.TO.toString()), e.getMessage());
    }

    @Test
    void aRowHoldsOnlyWhatTheFormatsCanWrite() {
        assertThrows(IllegalArgumentException.class, () -> new MessageRow().set(MessageColumn.TIER, Visibility.PUBLIC));
        assertInstanceOf(Instant.class, new MessageRow().set(MessageColumn.DUE, Instant.EPOCH).get(MessageColumn.DUE));
        assertArrayEquals(new Object[] {null}, new Object[] {new MessageRow().get(MessageColumn.TEXT)});
    }

    static List<String> ids(Exported e) {
        List<String> csvIds = e.csvRows().stream().map(r -> r.get("message_id")).toList();
        assertEquals(csvIds, e.jsonRows().stream().map(r -> (String) r.get("message_id")).toList(), "both formats agree");
        return csvIds;
    }
}
