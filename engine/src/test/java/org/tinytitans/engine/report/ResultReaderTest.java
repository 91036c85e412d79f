package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFixtureWithSpecTextAndEnvironment() {
        RunResult run = Fixture.sweep();
        assertEquals("titans-result/2", run.schema());
        assertEquals("sweep", run.stem());
        assertEquals(6, run.experiments().size());
        assertEquals("2", run.environment().get("threads.intra_op"));
        assertTrue(run.specText().contains("criterion l1, random, fpgm"));
        ExperimentResult first = run.experiments().get(0);
        assertEquals(Fixture.L1_30, first.id());
        assertEquals("l1 30%", first.label());
        assertEquals(1.0, first.pruned().get("latency_ms"));
        assertEquals(1.5, first.baseline().get("latency_ms.p90"));
        assertNull(first.pruned().get("perplexity"), "null metrics are not measured");
        assertEquals(4, first.layers().size());
        assertEquals(4, first.phases().size());
        assertEquals(1, first.expectsFailed());
        ExperimentResult failed = run.experiments().get(5);
        assertEquals("failed", failed.status());
        assertTrue(failed.pruned().keys().isEmpty());
    }

    @Test
    void specPathFindsItsTitansFolder() throws IOException {
        Path spec = Files.writeString(dir.resolve("demo.prune"), "experiment a { model resnet20 }\n");
        Path result = dir.resolve(".titans/demo/result.json");
        assertEquals(result, ResultReader.locate(spec));
        Files.createDirectories(result.getParent());
        Files.writeString(result, "{\"schema\":\"titans-result/1\",\"experiments\":[]}");
        assertEquals(result, ResultReader.read(spec).file());
        assertEquals(result, ResultReader.read(result.getParent()).file());
    }

    @Test
    void missingResultSaysWhereItLooked() throws IOException {
        ReportException none = assertThrows(ReportException.class, () -> ResultReader.read(dir.resolve("nope.json")));
        assertTrue(none.getMessage().contains("no such file"), none.getMessage());
        Path spec = Files.writeString(dir.resolve("fresh.prune"), "");
        ReportException notRun = assertThrows(ReportException.class, () -> ResultReader.read(spec));
        assertTrue(notRun.getMessage().contains(".titans/fresh/result.json"), notRun.getMessage());
    }

    @Test
    void badJsonAndForeignDocumentsAreClearErrors() {
        ReportException bad = assertThrows(ReportException.class, () -> ResultReader.parse("{\"schema\": ", Path.of("r.json"), null));
        assertTrue(bad.getMessage().startsWith("r.json: not valid JSON"), bad.getMessage());
        ReportException foreign = assertThrows(ReportException.class,
                () -> ResultReader.parse("{\"schema\":\"other/2\"}", Path.of("r.json"), null));
        assertTrue(foreign.getMessage().contains("schema 'other/2'"), foreign.getMessage());
        assertThrows(ReportException.class, () -> ResultReader.parse("[1,2]", null, null));
    }

    @Test
    void toleratesMissingAndMistypedFields() {
        RunResult run = ResultReader.parse("{\"schema\":\"titans-result/1\",\"experiments\":[{\"pruned\":{\"accuracy\":\"high\","
                + "\"flops\":5},\"layers\":[{\"name\":\"c\"}],\"expectations\":[{\"text\":\"x\"}]}, 7]}", null, null);
        assertEquals(1, run.experiments().size());
        ExperimentResult e = run.experiments().get(0);
        assertEquals("experiment-1", e.id());
        assertEquals("unknown", e.status());
        assertEquals(5.0, e.pruned().get("flops"));
        assertNull(e.pruned().get("accuracy"));
        assertTrue(e.layers().isEmpty());
        assertNull(e.expectations().get(0).passed());
        // every format renders such a document without failing
        for (ReportFormat f : ReportFormat.values()) {
            assertTrue(!f.render(run).isEmpty());
        }
    }
}
