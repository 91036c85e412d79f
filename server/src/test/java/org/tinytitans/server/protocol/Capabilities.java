package org.tinytitans.server.protocol;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InlayHintCapabilities;
import org.eclipse.lsp4j.InlayHintWorkspaceCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.ShowDocumentCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/** Client capabilities for protocol tests: a rich client (VS Code-like) and a bare one. */
final class Capabilities {
    private Capabilities() {}

    static ClientCapabilities rich() {
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
        win.setShowDocument(new ShowDocumentCapabilities(true));
        com.google.gson.JsonObject experimental = new com.google.gson.JsonObject();
        experimental.addProperty("titansJobStatus", true); // as the VS Code extension says it handles titans/jobStatus
        return new ClientCapabilities(ws, td, win, experimental);
    }

    static ClientCapabilities bare() {
        return new ClientCapabilities();
    }
}
