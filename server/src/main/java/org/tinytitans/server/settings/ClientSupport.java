package org.tinytitans.server.settings;

import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;

/** What the client said it supports in initialize; features ask here before using an optional part. */
public record ClientSupport(boolean snippets, boolean markdown, boolean workDoneProgress, boolean inlayHintRefresh,
                            boolean codeLensRefresh, boolean hierarchicalSymbols, boolean showDocument,
                            boolean inlayHints, boolean semanticTokens, boolean configurationChange, boolean jobStatus) {

    /** A client that supports everything: what feature tests use. */
    public static ClientSupport full() {
        return new ClientSupport(true, true, true, true, true, true, true, true, true, true, true);
    }

    public static ClientSupport of(ClientCapabilities c) {
        if (c == null) return new ClientSupport(false, false, false, false, false, false, false, false, false, false, false);
        var td = Optional.ofNullable(c.getTextDocument());
        var ws = Optional.ofNullable(c.getWorkspace());
        var win = Optional.ofNullable(c.getWindow());
        boolean snippets = td.map(t -> t.getCompletion()).map(x -> x.getCompletionItem())
                .map(x -> Boolean.TRUE.equals(x.getSnippetSupport())).orElse(false);
        boolean markdown = td.map(t -> t.getHover()).map(h -> h.getContentFormat())
                .map(f -> f.contains(MarkupKind.MARKDOWN)).orElse(false);
        boolean progress = win.map(w -> Boolean.TRUE.equals(w.getWorkDoneProgress())).orElse(false);
        boolean hintRefresh = ws.map(w -> w.getInlayHint()).map(h -> Boolean.TRUE.equals(h.getRefreshSupport())).orElse(false);
        boolean lensRefresh = ws.map(w -> w.getCodeLens()).map(h -> Boolean.TRUE.equals(h.getRefreshSupport())).orElse(false);
        boolean hierarchical = td.map(t -> t.getDocumentSymbol())
                .map(s -> Boolean.TRUE.equals(s.getHierarchicalDocumentSymbolSupport())).orElse(false);
        boolean showDocument = win.map(w -> w.getShowDocument()).map(s -> s.isSupport()).orElse(false);
        boolean hints = td.map(t -> t.getInlayHint()).isPresent();
        boolean tokens = td.map(t -> t.getSemanticTokens()).isPresent();
        boolean config = ws.map(w -> w.getDidChangeConfiguration()).isPresent();
        // titans/jobStatus is ours, not LSP's: only clients that say they handle it get it (others would log each one)
        boolean jobStatus = c.getExperimental() instanceof com.google.gson.JsonObject x && x.has("titansJobStatus")
                && x.get("titansJobStatus").isJsonPrimitive() && x.get("titansJobStatus").getAsBoolean();
        return new ClientSupport(snippets, markdown, progress, hintRefresh, lensRefresh, hierarchical, showDocument,
                hints, tokens, config, jobStatus);
    }
}
