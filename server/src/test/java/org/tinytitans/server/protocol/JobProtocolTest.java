package org.tinytitans.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.jobs.FakeJob;

/** Runs on save through the protocol, with a real job process (the fake-job script). */
class JobProtocolTest {
    @TempDir
    Path dir;

    String uri;

    Path write(String text) throws Exception {
        Path spec = dir.resolve("spec.prune");
        Files.writeString(spec, text);
        uri = spec.toUri().toString();
        return spec;
    }

    void save(Connection c) {
        c.remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    /** The pid the fake job wrote (waiting for it). */
    long jobPid() throws Exception {
        Path pids = dir.resolve("job-pids");
        FakeJob.await("the job to write its pid", () -> {
            try {
                return Files.exists(pids) && Files.readString(pids).endsWith("\n");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return Long.parseLong(Files.readString(pids).strip().split("\n")[0]);
    }

    static boolean has(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().anyMatch(d -> code.equals(d.getCode().getLeft()));
    }

    static Diagnostic get(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().filter(d -> code.equals(d.getCode().getLeft())).findFirst().orElseThrow();
    }

    @Test
    void saveRunsTheJobWithProgressAndPublishesResultsMerged() throws Exception {
        String text = FakeJob.spec("flops <= 55%", 0) + "experiment bad {\n  model resnet5\n}\n";
        write(text);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(true), null);
            c.open(uri, text);
            c.client.awaitDiagnostics(uri, p -> has(p, "unknown-model"));
            save(c);
            PublishDiagnosticsParams p = c.client.awaitDiagnostics(uri, x -> has(x, "expect-failed"));
            assertTrue(has(p, "unknown-model"), "checker findings stay in the same publish: " + p);
            Diagnostic expect = get(p, "expect-failed");
            assertEquals(5, expect.getRange().getStart().getLine());
            assertEquals(DiagnosticSeverity.Error, expect.getSeverity());
            Diagnostic figure = get(p, "result");
            assertEquals(4, figure.getRange().getStart().getLine());
            assertEquals(DiagnosticSeverity.Information, figure.getSeverity());
            // progress: one fresh token, begin .. end
            FakeJob.await("progress end", () -> c.client.progressCreated.size() == 1
                    && c.client.progressKinds(c.client.progressCreated.get(0)).contains("end"));
            List<String> kinds = c.client.progressKinds(c.client.progressCreated.get(0));
            assertEquals("begin", kinds.get(0));
            assertTrue(kinds.contains("report"), kinds.toString());
            FakeJob.await("refreshes", () -> c.client.refreshes.containsAll(List.of("inlayHint", "codeLens")));
            // titans/jobStatus: where it runs and how it ended, tied to the run's progress token
            FakeJob.await("the final job status", () -> c.client.jobStatuses.stream().anyMatch(s -> s.state().equals("failed")));
            String token = c.client.progressCreated.get(0);
            assertEquals(List.of("running", "running", "failed"), c.client.jobStatuses.stream().map(s -> s.state()).toList());
            assertTrue(c.client.jobStatuses.stream().allMatch(s -> s.uri().equals(uri) && s.token().equals(token) && s.target().equals("cpu")));
            assertEquals("running on cpu: fake libtorch on cpu", c.client.jobStatuses.get(1).message());
            assertEquals("finished: 1 expect(s) not met", c.client.jobStatuses.get(2).message());
            assertTrue(c.client.logs.stream().anyMatch(m -> m.getMessage().endsWith("running on cpu: fake libtorch on cpu")),
                    "the runtime is logged (window/logMessage)");
            // inlay hints and lenses read the results
            var id = new TextDocumentIdentifier(uri);
            var hints = c.remote.getTextDocumentService().inlayHint(new InlayHintParams(id, TitansAssert.r(0, 0, 9, 0))).get(30, TimeUnit.SECONDS);
            assertTrue(hints.stream().anyMatch(h -> h.getLabel().getLeft().contains("\u2717 not met 50%")), hints.toString());
            var lenses = c.remote.getTextDocumentService().codeLens(new CodeLensParams(id)).get(30, TimeUnit.SECONDS);
            assertTrue(lenses.stream().anyMatch(l -> l.getCommand().getCommand().equals("titans.openReport")));
            Object report = c.remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("titans.openReport", List.of(uri)))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(Files.isRegularFile(Path.of(report.toString())), report.toString());
            FakeJob.await("showDocument", () -> c.client.shownDocuments.size() == 1);
        }
    }

    @Test
    void aClientWithoutProgressSupportGetsResultsWithoutProgress() throws Exception {
        String text = FakeJob.spec("plain", 0);
        write(text);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.bare(), FakeJob.settings(true), null);
            c.open(uri, text);
            save(c);
            c.client.awaitDiagnostics(uri, x -> has(x, "expect-failed"));
            assertTrue(c.client.progressCreated.isEmpty() && c.client.progress.isEmpty(), "no progress for this client");
            assertTrue(c.client.refreshes.isEmpty(), "no refresh requests it did not ask for");
            assertTrue(c.client.jobStatuses.isEmpty(), "no titans/jobStatus for a client that did not ask for it");
        }
    }

    @Test
    void completionAnswersWhileAJobRunsAndTheClientCanCancelIt() throws Exception {
        String text = FakeJob.spec("slow", 30);
        write(text);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(true), null);
            c.open(uri, text);
            save(c);
            FakeJob.await("the job's progress", () -> !c.client.progressCreated.isEmpty()
                    && c.client.progressKinds(c.client.progressCreated.get(0)).contains("begin"));
            long pid = jobPid();
            var items = c.remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(3, 8)))
                    .get(30, TimeUnit.SECONDS).getRight().getItems();
            assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("resnet56")));
            var lenses = c.remote.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
            assertEquals("titans.cancel", lenses.get(0).getCommand().getCommand());
            c.remote.cancelProgress(new WorkDoneProgressCancelParams(Either.forLeft(c.client.progressCreated.get(0))));
            FakeJob.await("the job process to end", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            FakeJob.await("progress end", () -> c.client.progressKinds(c.client.progressCreated.get(0)).contains("end"));
        }
    }

    @Test
    void aNewerSaveWinsOverARunningJob() throws Exception {
        String slow = FakeJob.spec("old", 30);
        Path spec = write(slow);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(true), null);
            c.open(uri, slow);
            save(c);
            long oldPid = jobPid();
            String fast = FakeJob.spec("new", 0);
            Files.writeString(spec, fast);
            c.remote.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, 2), List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(fast))));
            save(c);
            PublishDiagnosticsParams p = c.client.awaitDiagnostics(uri, x -> has(x, "expect-failed"));
            assertTrue(get(p, "expect-failed").getMessage().getLeft().contains("new"));
            assertTrue(ProcessHandle.of(oldPid).map(h -> !h.isAlive()).orElse(true), "the older job was killed");
            assertTrue(c.client.diagnostics.stream().flatMap(x -> x.getDiagnostics().stream())
                    .noneMatch(d -> d.getMessage().getLeft().contains("old")), "stale results never published");
        }
    }

    @Test
    void aKilledJobGivesAClearDiagnosticAndTheServerStaysUp() throws Exception {
        String text = FakeJob.spec("doomed", 30);
        write(text);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(true), null);
            c.open(uri, text);
            save(c);
            long pid = jobPid();
            FakeJob.await("the job to be alive", () -> ProcessHandle.of(pid).isPresent());
            ProcessHandle job = ProcessHandle.of(pid).orElseThrow();
            List<ProcessHandle> children = job.descendants().toList();
            job.destroyForcibly(); // SIGKILL, as the OOM killer
            children.forEach(ProcessHandle::destroyForcibly); // the script's sleep, which holds no pipe
            PublishDiagnosticsParams p = c.client.awaitDiagnostics(uri, x -> has(x, "job-died"));
            String message = get(p, "job-died").getMessage().getLeft();
            assertTrue(message.contains("ended without `finished`") && message.contains("killed by signal 9"), message);
            assertTrue(c.remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(3, 8)))
                    .get(30, TimeUnit.SECONDS).getRight().getItems().size() > 3, "the server still answers");
        }
    }

    @Test
    void resultsAreShownAgainAfterARestartWithoutRunning() throws Exception {
        String text = FakeJob.spec("kept", 0);
        write(text);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(true), null);
            c.open(uri, text);
            save(c);
            c.client.awaitDiagnostics(uri, x -> has(x, "expect-failed"));
        }
        Files.delete(dir.resolve("job-pids"));
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(true), null);
            c.open(uri, text);
            PublishDiagnosticsParams p = c.client.awaitDiagnostics(uri, x -> has(x, "expect-failed"));
            assertTrue(get(p, "expect-failed").getMessage().getLeft().contains("kept"));
            save(c); // unchanged: served from the cache
            // messages are handled in order: once this answers, the save has been handled
            var lenses = c.remote.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
            assertEquals("titans.run", lenses.get(0).getCommand().getCommand(), "no job scheduled");
            assertFalse(Files.exists(dir.resolve("job-pids")), "no job ran");
            // the Run lens forces a run, and Cancel ends it
            Files.writeString(dir.resolve("spec.prune"), text.replace("# delay 0.0", "# delay 30"));
            c.remote.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, 2),
                    List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(text.replace("# delay 0.0", "# delay 30")))));
            assertEquals("started", c.remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("titans.run", List.of(uri)))
                    .get(30, TimeUnit.SECONDS));
            long pid = jobPid();
            assertEquals("cancelled", c.remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("titans.cancel", List.of(uri)))
                    .get(30, TimeUnit.SECONDS));
            FakeJob.await("the job to end", () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        }
    }

    @Test
    void openReportRendersTheLatestResultAsHtmlAndShowsIt() throws Exception {
        String text = FakeJob.spec("report", 0);
        write(text);
        // a result.json as a run leaves it beside the spec (a real engine result, src/test/resources/report)
        Path result = dir.resolve(".titans/spec/result.json");
        Files.createDirectories(result.getParent());
        Files.copy(Path.of(getClass().getResource("/report/result.json").toURI()), result);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(uri, text);
            Object report = c.remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("titans.openReport", List.of(uri)))
                    .get(30, TimeUnit.SECONDS);
            Path html = dir.resolve(".titans/spec/report.html");
            assertEquals(html.toString(), report.toString());
            assertTrue(Files.readString(html).contains("e2e_run"), "the report of the result's experiment");
            FakeJob.await("showDocument", () -> c.client.shownDocuments.equals(List.of(html.toUri().toString())));
        }
    }
}
