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
    void everyMessageGoesThroughTheWholeEngineTrainedOrNot() {
        TriageBenchmark bench = new TriageBenchmark();
        bench.setUp();
        for (String model : new String[] {"untrained", "trained"}) {
            TriageBenchmark.Engine engine = new TriageBenchmark.Engine();
            engine.model = model;
            engine.setUp();
            int tickets = 0;
            for (int i = 0; i < TriageBenchmark.CORPUS_SIZE + 1; i++) {
                var d = bench.triageNextMessage(engine);
                assertNotNull(d.explanation());
                tickets += d.ticket() ? 1 : 0;
            }
            // The corpus mixes work and noise, so the benchmark measures both paths.
            assertTrue(tickets > 300 && tickets < TriageBenchmark.CORPUS_SIZE, model + ": " + tickets + " tickets");
        }
    }
}
