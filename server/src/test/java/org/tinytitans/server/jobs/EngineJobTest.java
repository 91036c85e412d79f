package org.tinytitans.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.report.HtmlReportFile;
import org.tinytitans.server.settings.TitansSettings;

/** The default job command: the engine's JobMain in a fresh JVM on this class path, on a tiny spec. */
class EngineJobTest {
    static final String SPEC = "experiment quick {\n  model mnist-cnn\n  dataset synthetic { samples 64 }\n"
            + "  prune filters {\n    criterion l1\n    ratio 50%\n  }\n  measure flops, params\n  expect flops <= 60%\n}\n";

    @Test
    void theRealEngineRunsASpecOnSave(@TempDir Path dir) throws Exception {
        try {
            Class.forName(org.tinytitans.engine.remote.LocalRunner.JOB_MAIN);
        } catch (ClassNotFoundException e) {
            assumeTrue(false, "the engine's JobMain is not on the class path");
        }
        Path spec = dir.resolve("quick.prune");
        Files.writeString(spec, SPEC);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        TitansSettings settings = new TitansSettings(); // no jobCommand: the default
        JobManager jobs = new JobManager(settings, new JobListener() {
            @Override
            public void begin(String uri, String token, String title) {}

            @Override
            public void report(String token, String message, Integer percentage) {}

            @Override
            public void end(String token, String message) {}

            @Override
            public void changed(String uri) {}
        }, scheduler);
        try {
            jobs.run("file:///quick", spec, SPEC, false);
            FakeJob.await("the engine's results", () -> jobs.results("file:///quick").isPresent());
            JobResults r = jobs.results("file:///quick").orElseThrow();
            assertEquals(JobResults.State.FINISHED, r.state(), r.detail());
            assertEquals(9, r.expects().get(0).line());
            assertTrue(r.expects().get(0).passed(), r.expects().toString());
            assertTrue(r.metrics().stream().anyMatch(m -> m.name().equals("flops") && m.which().equals("pruned")));
            // titans.openReport's HTML report, rendered from the result.json the engine named in `finished`
            String html = Files.readString(HtmlReportFile.write(Path.of(r.resultFile())));
            assertTrue(html.contains("quick") && html.contains("flops &lt;= 60%"), "the report shows the run and its expect");
        } finally {
            jobs.shutdown();
            scheduler.shutdownNow();
        }
    }
}
