package org.tinytitans.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.jobs.FakeJob;

/** The server through real JSON-RPC: lifecycle, settings, capabilities, diagnostics as you type, requests. */
class ProtocolTest {
    static final String URI = "untitled:spec.prune";
    static final String BAD = "experiment e {\n  model resnet56\n  prune filters {\n    criterion l11\n    ratio 50%\n  }\n}\n";

    @Test
    void capabilitiesFollowTheClient() throws Exception {
        try (Connection c = new Connection()) {
            InitializeResult rich = c.initialize(Capabilities.rich(), null, null);
            assertNotNull(rich.getCapabilities().getInlayHintProvider());
            assertTrue(rich.getCapabilities().getSemanticTokensProvider().getFull().getLeft(), "full semantic tokens");
            assertEquals(List.of("titans.run", "titans.estimate", "titans.cancel", "titans.openReport", "titans.searchRatios"),
                    rich.getCapabilities().getExecuteCommandProvider().getCommands());
        }
        try (Connection c = new Connection()) {
            InitializeResult bare = c.initialize(Capabilities.bare(), null, null);
            assertNull(bare.getCapabilities().getInlayHintProvider());
            assertNull(bare.getCapabilities().getSemanticTokensProvider());
            assertTrue(bare.getCapabilities().getHoverProvider().getLeft());
        }
    }

    @Test
    void diagnosticsAsYouTypeWithTheLatestVersionLast() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD);
            var first = c.client.awaitDiagnostics(URI, p -> !p.getDiagnostics().isEmpty());
            assertEquals("unknown-criterion", first.getDiagnostics().get(0).getCode().getLeft());
            assertEquals(3, first.getDiagnostics().get(0).getRange().getStart().getLine());
            for (int v = 2; v <= 6; v++) { // fast typing: each change cancels the pending check
                String text = v == 6 ? BAD.replace("l11", "l1") : BAD.replace("l11", "l1" + v);
                c.remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, v), List.of(new TextDocumentContentChangeEvent(text))));
            }
            var last = c.client.awaitDiagnostics(URI, p -> p.getVersion() != null && p.getVersion() == 6);
            assertTrue(last.getDiagnostics().stream().noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error), last.toString());
        }
    }

    @Test
    void incrementalChangesApply() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD);
            c.client.awaitDiagnostics(URI, p -> !p.getDiagnostics().isEmpty());
            TextDocumentContentChangeEvent fix = new TextDocumentContentChangeEvent(TitansAssert.r(3, 15, 3, 17), "1");
            c.remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2), List.of(fix)));
            c.client.awaitDiagnostics(URI, p -> p.getVersion() != null && p.getVersion() == 2
                    && p.getDiagnostics().stream().noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error));
        }
    }

    @Test
    void completionHoverAndQuickFixOverTheWire() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD);
            var diags = c.client.awaitDiagnostics(URI, p -> !p.getDiagnostics().isEmpty());
            TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
            var completion = c.remote.getTextDocumentService().completion(new CompletionParams(id, new Position(3, 14)))
                    .get(30, TimeUnit.SECONDS).getRight().getItems();
            assertTrue(completion.stream().anyMatch(i -> i.getLabel().equals("l1")), completion.toString());
            var hover = c.remote.getTextDocumentService().hover(new HoverParams(id, new Position(1, 10))).get(30, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().contains("ResNet-56"));
            var actions = c.remote.getTextDocumentService().codeAction(new CodeActionParams(id, diags.getDiagnostics().get(0).getRange(),
                    new CodeActionContext(diags.getDiagnostics()))).get(30, TimeUnit.SECONDS);
            assertEquals("Did you mean 'l1'?", actions.get(0).getRight().getTitle());
            var tokens = c.remote.getTextDocumentService().semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(id))
                    .get(30, TimeUnit.SECONDS).getData();
            assertEquals(List.of(0, 0, 10, 0, 0), tokens.subList(0, 5), "`experiment` is a keyword");
            var symbols = c.remote.getTextDocumentService().documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(id))
                    .get(30, TimeUnit.SECONDS);
            assertEquals("e", symbols.get(0).getRight().getName());
            var format = c.remote.getTextDocumentService().formatting(new org.eclipse.lsp4j.DocumentFormattingParams(id,
                    new org.eclipse.lsp4j.FormattingOptions(2, true))).get(30, TimeUnit.SECONDS);
            assertTrue(format.isEmpty(), "already formatted: " + format);
        }
    }

    @Test
    void closingADocumentClearsItsDiagnostics() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD);
            c.client.awaitDiagnostics(URI, p -> !p.getDiagnostics().isEmpty());
            c.remote.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
            c.client.awaitDiagnostics(URI, p -> p.getDiagnostics().isEmpty());
        }
    }

    @Test
    void renameOverTheWire() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD);
            TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
            var prepared = c.remote.getTextDocumentService().prepareRename(new org.eclipse.lsp4j.PrepareRenameParams(id, new Position(0, 11)))
                    .get(30, TimeUnit.SECONDS);
            assertEquals("e", prepared.getSecond().getPlaceholder());
            var edit = c.remote.getTextDocumentService().rename(new org.eclipse.lsp4j.RenameParams(id, new Position(0, 11), "first"))
                    .get(30, TimeUnit.SECONDS);
            assertEquals("first", edit.getChanges().get(URI).get(0).getNewText());
            var bad = c.remote.getTextDocumentService().rename(new org.eclipse.lsp4j.RenameParams(id, new Position(1, 4), "x"));
            var error = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
            assertTrue(error.getCause().getMessage().contains("only an experiment's name can be renamed"), error.getCause().getMessage());
        }
    }

    @Test
    void settingsMergeAndSwitchFeaturesOff() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD);
            TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
            assertNotNull(c.remote.getTextDocumentService().hover(new HoverParams(id, new Position(1, 10))).get(30, TimeUnit.SECONDS));
            JsonObject change = JsonParser.parseString("{\"titans\": {\"features\": {\"hover\": false}, \"carbonRegion\": \"FRA\"}}").getAsJsonObject();
            c.remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(change));
            FakeJob.await("hover off", () -> !c.server.settings().features().hover());
            assertNull(c.remote.getTextDocumentService().hover(new HoverParams(id, new Position(1, 10))).get(30, TimeUnit.SECONDS));
            assertEquals("FRA", c.server.settings().carbonRegion());
            assertFalse(c.server.settings().runOnSave(), "keys not sent keep their value");
        }
    }

    @Test
    void estimateCommandAnswersAndShowsAMessage() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(URI, BAD.replace("l11", "l1"));
            Object answer = c.remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("titans.estimate", List.of(URI)))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(answer.toString().contains("e (resnet56): params"), answer.toString());
            FakeJob.await("a message", () -> !c.client.messages.isEmpty());
            assertTrue(c.client.messages.get(0).getMessage().contains("prune filters: FLOPs"));
        }
    }

    @Test
    void serverLogsGoToTheClient() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), null, null);
            FakeJob.await("a log message", () -> c.client.logs.stream().anyMatch(m -> m.getMessage().contains("titans-server ready")));
        }
    }

    @Test
    void shutdownThenExitExitsCleanly() throws Exception {
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), null, null);
            c.remote.shutdown().get(30, TimeUnit.SECONDS);
            c.remote.exit();
            FakeJob.await("exit", () -> !c.exits.isEmpty());
            assertEquals(List.of(0), c.exits);
        }
    }

    @Test
    void exitsWhenTheParentProcessDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "0.2").start();
        long pid = parent.pid();
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), null, (int) pid);
            parent.waitFor();
            FakeJob.await("exit after the parent died", () -> !c.exits.isEmpty());
            assertEquals(1, c.exits.get(0));
        }
    }
}
