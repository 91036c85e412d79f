package org.tinytitans.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.tinytitans.server.services.CodeActions;
import org.tinytitans.server.services.SearchHints;
import org.tinytitans.server.services.WriteFoundRatios;
import org.tinytitans.server.jobs.SearchPlans;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.server.services.CodeLenses;
import org.tinytitans.server.services.Completions;
import org.tinytitans.server.services.Definition;
import org.tinytitans.server.services.DocumentLinks;
import org.tinytitans.server.services.Folding;
import org.tinytitans.server.services.Formatting;
import org.tinytitans.server.services.InlayHints;
import org.tinytitans.server.services.Rename;
import org.tinytitans.server.services.Symbols;

/**
 * Thin adapter: every request is one line handing the parsed document to a feature class, computed on the
 * server's executor so a slow request never holds the protocol thread (and a job never holds a request).
 */
public final class TitansTextDocumentService implements TextDocumentService {
    private final TitansLanguageServer server;

    TitansTextDocumentService(TitansLanguageServer server) {
        this.server = server;
    }

    // ---- lifecycle

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        server.documents.open(item.getUri(), item.getVersion(), item.getText());
        TextDocument doc = server.documents.get(item.getUri());
        if (doc.path() != null) server.jobs.loadCached(doc.uri(), doc.path(), doc.text());
        server.scheduleValidation(item.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        server.documents.change(uri, params.getTextDocument().getVersion(), params.getContentChanges());
        server.scheduleValidation(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        server.documents.close(uri);
        server.jobs.forget(uri);
        server.clearDiagnostics(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        TextDocument doc = server.documents.get(uri);
        if (doc == null) return;
        if (params.getText() != null && !params.getText().equals(doc.text())) {
            server.documents.open(uri, doc.version(), params.getText());
            doc = server.documents.get(uri);
        }
        server.publish(uri);
        if (server.settings.runOnSave() && doc.path() != null) {
            server.jobs.run(uri, doc.path(), doc.text(), false); // returns at once: the job runs elsewhere
        }
    }

    // ---- requests

    private <R> CompletableFuture<R> compute(TextDocumentIdentifier id, R empty, Function<TextDocument, R> f) {
        return CompletableFutures.computeAsync(server.requests, cancel -> {
            TextDocument doc = server.documents.get(id.getUri());
            if (doc == null) return empty;
            cancel.checkCanceled();
            return f.apply(doc);
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        if (!server.settings.features().completion()) return CompletableFuture.completedFuture(Either.forRight(new CompletionList()));
        return compute(params.getTextDocument(), Either.forRight(new CompletionList()), doc -> Either.forRight(
                Completions.complete(doc.spec(), doc.offsetAt(params.getPosition()), estimates(), server.support(),
                        server.settings.carbonRegion())));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        if (!server.settings.features().hover()) return CompletableFuture.completedFuture(null);
        return compute(params.getTextDocument(), null, doc -> org.tinytitans.server.services.Hover.hover(doc.spec(),
                doc.offsetAt(params.getPosition()), estimates(), server.support()));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        if (!server.settings.features().inlayHints()) return CompletableFuture.completedFuture(List.of());
        return compute(params.getTextDocument(), List.of(), doc -> {
            JobResults results = server.jobs.results(doc.uri()).orElse(null);
            List<InlayHint> hints = new java.util.ArrayList<>(InlayHints.hints(doc.spec(), params.getRange(), estimates(),
                    server.settings.features().estimates(), results));
            hints.addAll(SearchHints.hints(doc.spec(), params.getRange(), SearchPlans.of(doc.path(), results)));
            hints.sort(java.util.Comparator.comparingInt(h -> h.getPosition().getLine()));
            return hints;
        });
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        if (!server.settings.features().codeLens()) return CompletableFuture.completedFuture(List.of());
        return compute(params.getTextDocument(), List.of(), doc -> CodeLenses.lenses(doc.spec(), doc.uri(),
                server.jobs.running(doc.uri()), server.jobs.results(doc.uri()).orElse(null)));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return compute(params.getTextDocument(), List.of(), doc -> Symbols.symbols(doc.spec(), doc.uri(),
                server.support().hierarchicalSymbols()));
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return compute(params.getTextDocument(), List.of(), doc -> Folding.ranges(doc.spec()));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        if (!server.settings.features().formatting()) return CompletableFuture.completedFuture(List.of());
        return compute(params.getTextDocument(), List.of(), doc -> Formatting.format(doc.spec()));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        if (!server.settings.features().formatting()) return CompletableFuture.completedFuture(List.of());
        return compute(params.getTextDocument(), List.of(), doc -> Formatting.formatRange(doc.spec(), params.getRange()));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return compute(params.getTextDocument(), new SemanticTokens(List.of()),
                doc -> new SemanticTokens(org.tinytitans.server.services.SemanticTokens.encode(doc.spec())));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return compute(params.getTextDocument(), Either.forLeft(List.of()), doc -> Either.forLeft(
                Definition.definition(doc.spec(), doc.path(), doc.offsetAt(params.getPosition()))));
    }

    @Override
    public CompletableFuture<Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return compute(params.getTextDocument(), null, doc -> {
            PrepareRenameResult r = Rename.prepare(doc.spec(), doc.offsetAt(params.getPosition()));
            return r == null ? null : Either3.forSecond(r);
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return compute(params.getTextDocument(), null, doc -> Rename.rename(doc.spec(), doc.uri(),
                doc.offsetAt(params.getPosition()), params.getNewName()));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return compute(params.getTextDocument(), List.of(), doc -> DocumentLinks.links(doc.spec(), doc.path()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return compute(params.getTextDocument(), List.of(), doc -> {
            List<CodeAction> actions = new java.util.ArrayList<>(CodeActions.actions(doc.spec(), doc.findings(), doc.uri(),
                    params.getContext().getDiagnostics()));
            actions.addAll(WriteFoundRatios.actions(doc.spec(), doc.uri(), params.getRange(),
                    SearchPlans.of(doc.path(), server.jobs.results(doc.uri()).orElse(null))));
            return actions.stream().map(a -> Either.<Command, CodeAction>forRight(a)).toList();
        });
    }

    private org.tinytitans.server.estimates.EstimateService estimates() {
        return server.settings.features().estimates() ? server.estimates
                : org.tinytitans.server.estimates.EstimateService.NONE;
    }
}
