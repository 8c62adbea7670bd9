package org.socialcarebridge.triage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.triage.TriageInput;

/** The benchmark measures what it claims: the same varied corpus every run, triaged without failing. */
class TriageBenchmarkCorpusTest {
    @Test
    void corpusIsDeterministicAndVaried() {
        List<TriageInput> a = TriageBenchmark.corpus(TriageBenchmark.CORPUS_SIZE, 7);
        assertEquals(a, TriageBenchmark.corpus(TriageBenchmark.CORPUS_SIZE, 7));
        assertEquals(TriageBenchmark.CORPUS_SIZE, a.size());
        long distinct = a.stream().map(TriageInput::text).distinct().count();
        assertTrue(distinct > 300, () -> distinct + " distinct texts");
        assertTrue(a.stream().anyMatch(in -> in.text().length() > 1_000));
        assertTrue(a.stream().anyMatch(in -> in.followers() == 0));
    }

    @Test
    void everyMessageGoesThroughTheMeasuredFunction() {
        TriageBenchmark bench = new TriageBenchmark();
        bench.setUp();
        for (int i = 0; i < TriageBenchmark.CORPUS_SIZE + 1; i++) {
            assertNotNull(bench.triageNextMessage());
        }
    }
}
