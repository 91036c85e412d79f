package org.tinytitans.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.report.HtmlReportFile;
import org.tinytitans.engine.report.ReportException;

/** titans.openReport's file: the engine's HTML report of a real run's result.json, written beside it. */
class HtmlReportFileTest {
    @TempDir
    Path dir;

    /** spec.prune with a real engine result (src/test/resources/report/result.json) where a run leaves it. */
    Path specWithResult() throws Exception {
        Path spec = dir.resolve("spec.prune");
        Files.writeString(spec, "experiment e2e_run {\n  model mnist-cnn\n}\n");
        Path result = dir.resolve(".titans/spec/result.json");
        Files.createDirectories(result.getParent());
        Files.copy(Path.of(getClass().getResource("/report/result.json").toURI()), result);
        return spec;
    }

    @Test
    void theReportIsSelfContainedHtmlBesideTheResult() throws Exception {
        Path spec = specWithResult();
        Path report = HtmlReportFile.write(dir.resolve(".titans/spec/result.json"));
        assertEquals(dir.resolve(".titans/spec/report.html"), report);
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
        assertTrue(html.contains("e2e_run") && html.contains("mnist-cnn"), "names the experiment and model");
        assertTrue(html.contains("<style"), "styles are inline");
        assertFalse(html.contains("<script src") || html.contains("<link ") || html.contains("src=\"http"),
                "nothing is loaded from elsewhere");
        // the spec itself stands for its result, as in `titans-cli report spec.prune`
        assertEquals(report, HtmlReportFile.write(spec));
        assertFalse(Files.list(report.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void withoutAResultTheErrorSaysWhereItLooked() throws Exception {
        Path spec = dir.resolve("lonely.prune");
        Files.writeString(spec, "experiment x {\n  model mnist-cnn\n}\n");
        ReportException e = assertThrows(ReportException.class, () -> HtmlReportFile.write(spec));
        assertTrue(e.getMessage().contains(".titans/lonely/result.json"), e.getMessage());
    }
}
