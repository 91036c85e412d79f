package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;

class ReportCommandTest {

    @TempDir
    Path dir;

    Path results;

    @BeforeEach
    void fixture() {
        results = SweepFixture.copyTo(dir);
    }

    @Test
    void htmlGoesBesideTheResultAndItsPathIsPrinted() throws IOException {
        CliRun run = CliRun.of("report", results.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Path html = results.resolve("report.html");
        assertEquals(html.toAbsolutePath().toString(), run.out().strip());
        String text = Files.readString(html);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains("<svg"));
    }

    @Test
    void specPathFindsItsResults() {
        CliRun run = CliRun.of("report", dir.resolve("sweep.prune").toString(), "--format", "md");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(Files.exists(results.resolve("report.md")));
    }

    @Test
    void everyFormatToAChosenFileOrStdout() throws IOException {
        Path csv = dir.resolve("out/table.csv");
        assertEquals(ExitCodes.OK, CliRun.of("report", results.resolve("result.json").toString(), "--format", "csv", "--out", csv.toString()).exitCode());
        assertEquals(7, Files.readAllLines(csv).size());
        CliRun json = CliRun.of("report", results.toString(), "-f", "json", "-o", "-");
        assertEquals("titans-report/2", JsonParser.parseString(json.out()).getAsJsonObject().get("schema").getAsString());
        CliRun md = CliRun.of("report", results.toString(), "-f", "markdown", "-o", "-");
        assertTrue(md.out().startsWith("# Tiny Titans report: sweep"), md.out());
    }

    @Test
    void missingOrBadInputIsAUsageError() throws IOException {
        CliRun missing = CliRun.of("report", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
        Path fresh = Files.writeString(dir.resolve("fresh.prune"), "experiment a { model resnet20 }\n");
        CliRun notRun = CliRun.of("report", fresh.toString());
        assertEquals(ExitCodes.USAGE, notRun.exitCode());
        assertTrue(notRun.err().contains("titans-cli run"), notRun.err());
        Path junk = Files.writeString(dir.resolve("junk.json"), "{ not json");
        CliRun bad = CliRun.of("report", junk.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("not valid JSON"), bad.err());
        CliRun format = CliRun.of("report", results.toString(), "--format", "pdf");
        assertEquals(ExitCodes.USAGE, format.exitCode());
        assertTrue(format.err().contains("unknown format 'pdf'"), format.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("report").exitCode());
    }

    @Test
    void strictCarriesTheRunsVerdict() throws IOException {
        // the fixture holds a failed experiment: exit 3, as run would
        assertEquals(ExitCodes.JOB_FAILED, CliRun.of("report", results.toString(), "--strict").exitCode());
        String json = Files.readString(results.resolve("result.json"));
        String withoutFailure = json.replace("\"status\": \"failed\"", "\"status\": \"skipped\"");
        Files.writeString(results.resolve("result.json"), withoutFailure);
        assertEquals(ExitCodes.FAILED_CHECK, CliRun.of("report", results.toString(), "--strict").exitCode(), "expects not met");
        assertEquals(ExitCodes.OK, CliRun.of("report", results.toString()).exitCode());
    }
}
