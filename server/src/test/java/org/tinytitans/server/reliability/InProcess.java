package org.tinytitans.server.reliability;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InlayHintCapabilities;
import org.eclipse.lsp4j.InlayHintWorkspaceCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.TitansLanguageServer;
import org.tinytitans.server.protocol.RecordingClient;

/** The real server object with a recording client, no wire: the fuzzer calls its services directly. */
final class InProcess {
    final RecordingClient client = new RecordingClient();
    final List<Integer> exits = new CopyOnWriteArrayList<>();
    final TitansLanguageServer server = new TitansLanguageServer(TitansAssert.ESTIMATES, exits::add);

    InProcess() throws Exception {
        server.connect(client);
        InitializeParams p = new InitializeParams();
        p.setCapabilities(richCapabilities());
        p.setInitializationOptions(quietSettings());
        server.initialize(p).get(30, TimeUnit.SECONDS);
    }

    /** No jobs on save and a long debounce: the fuzzer asks for diagnostics itself. */
    static JsonObject quietSettings() {
        JsonObject o = new JsonObject();
        o.addProperty("runOnSave", false);
        o.addProperty("debounceMs", 10);
        return o;
    }

    /** A VS Code-like client: every optional feature on. */
    static ClientCapabilities richCapabilities() {
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setCompletion(new CompletionCapabilities(new CompletionItemCapabilities(true)));
        td.setHover(new HoverCapabilities(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT), false));
        td.setInlayHint(new InlayHintCapabilities());
        td.setSemanticTokens(new SemanticTokensCapabilities(false));
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        td.setDocumentSymbol(symbols);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setInlayHint(new InlayHintWorkspaceCapabilities(true));
        ws.setCodeLens(new CodeLensWorkspaceCapabilities(true));
        WindowClientCapabilities win = new WindowClientCapabilities();
        win.setWorkDoneProgress(true);
        return new ClientCapabilities(ws, td, win, null);
    }
}
