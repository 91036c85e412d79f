package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.TitansTextDocumentService;
import org.tinytitans.server.services.Diagnostics;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Formatter;
import org.tinytitans.language.Outline;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.Experiments;

/**
 * Property-based fuzzing of the parser, checker, formatter and every language-server request on generated
 * and mutated documents, at in-range and out-of-range positions, with edits in between. Each case has its own
 * time limit (a hang fails it, with the document that hung). Properties: nothing throws (a request may answer
 * a JSON-RPC error, never an exception), every range answered lies inside the document, formatting edits
 * applied give the formatter's text, and incremental edits give the text a simple model predicts.
 */
@Reliability
class RequestFuzzTest {
    static final long SEED = Long.getLong("titans.fuzz.seed", 20261128L);
    static final int CASES = Integer.getInteger("titans.fuzz.cases", 4_000);
    static final int CASE_LIMIT_S = 10;

    @Test
    void everyRequestOnGeneratedAndMutatedDocuments() throws Exception {
        SpecGenerator gen = new SpecGenerator(SEED);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        InProcess p = new InProcess();
        long requests = 0;
        try {
            for (int i = 0; i < CASES; i++) {
                String text = gen.next();
                long caseSeed = gen.random().nextLong();
                String uri = "file:///tmp/titans-fuzz/doc" + (i % 7) + ".prune";
                Future<Integer> one = runner.submit(() -> oneCase(p.server.getTextDocumentService(), uri, text, new Random(caseSeed)));
                try {
                    requests += one.get(CASE_LIMIT_S, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    one.cancel(true);
                    throw new AssertionError("case " + i + " hung for " + CASE_LIMIT_S + " s on:\n" + escape(text));
                } catch (ExecutionException e) {
                    throw new AssertionError("case " + i + " (seed " + SEED + ", case seed " + caseSeed + ") failed on:\n"
                            + escape(text) + "\n" + e.getCause(), e.getCause());
                }
            }
        } finally {
            runner.shutdownNow();
            p.server.shutdown();
        }
        System.out.printf("request fuzz: %d documents, %d requests, 0 failures%n", CASES, requests);
        Figures.record("request fuzz: every request at every offset", CASES, requests, 0, 0);
    }

    /** One document through the checker, formatter and every request; returns how many requests it made. */
    static int oneCase(TitansTextDocumentService s, String uri, String text, Random r) throws Exception {
        SpecDocument parsed = SpecDocument.parse(text);
        Bounds b = new Bounds(text);
        for (var d : Checker.check(parsed)) {
            int end = d.range().end().offset();
            if (d.range().start().offset() < 0 || end > text.length()) throw new AssertionError("checker range " + d);
        }
        Outline.of(parsed);
        Experiments.resolve(parsed);
        List<Diagnostic> diags = Diagnostics.merged(parsed, null, null);
        for (Diagnostic d : diags) b.check("diagnostic " + d.getCode(), d.getRange());

        s.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "prune", 1, text)));
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        int n = 0;
        for (int k = 0; k < 3; k++) {
            Position at = position(b, r);
            var completion = get(s.completion(new CompletionParams(id, at)));
            if (completion != null) {
                for (CompletionItem item : completion.getRight().getItems()) {
                    if (item.getTextEdit() != null && item.getTextEdit().isLeft()) b.check("completion " + item.getLabel(), item.getTextEdit().getLeft().getRange());
                }
            }
            var hover = get(s.hover(new HoverParams(id, at)));
            if (hover != null && hover.getRange() != null) b.check("hover", hover.getRange());
            get(s.definition(new DefinitionParams(id, at))); // answers locations in other files (weights, data)
            var prepared = get(s.prepareRename(new PrepareRenameParams(id, at)));
            if (prepared != null) b.check("prepareRename", prepared.getSecond().getRange());
            var renamed = get(s.rename(new RenameParams(id, at, r.nextBoolean() ? "renamed_" + k : "bad name!")));
            if (renamed != null) renamed.getChanges().getOrDefault(uri, List.of()).forEach(e -> b.check("rename", e.getRange()));
            n += 5;
        }
        for (var sym : get(s.documentSymbol(new DocumentSymbolParams(id)))) checkSymbol(b, sym.getRight());
        for (FoldingRange f : get(s.foldingRange(new FoldingRangeRequestParams(id)))) {
            if (f.getStartLine() < 0 || f.getEndLine() >= b.lines() || f.getStartLine() > f.getEndLine()) throw new AssertionError("folding " + f);
        }
        List<? extends TextEdit> format = get(s.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true))));
        format.forEach(e -> b.check("formatting", e.getRange()));
        assertEquals(Formatter.format(text), TitansAssert.apply(text, format), "formatting edits give the formatted text");
        Range some = range(b, r);
        get(s.rangeFormatting(new DocumentRangeFormattingParams(id, new FormattingOptions(2, true), some))).forEach(e -> b.check("range formatting", e.getRange()));
        b.checkTokens(get(s.semanticTokensFull(new SemanticTokensParams(id))).getData());
        get(s.documentLink(new DocumentLinkParams(id))).forEach(l -> b.check("link", l.getRange()));
        for (var a : get(s.codeAction(new CodeActionParams(id, some, new CodeActionContext(diags))))) {
            var edit = a.getRight().getEdit();
            if (edit != null && edit.getChanges() != null) edit.getChanges().getOrDefault(uri, List.of()).forEach(e -> b.check("code action", e.getRange()));
        }
        get(s.codeLens(new CodeLensParams(id))).forEach(l -> b.check("code lens", l.getRange()));
        get(s.inlayHint(new InlayHintParams(id, some))).forEach(h -> b.check("inlay hint", new Range(h.getPosition(), h.getPosition())));
        n += 9;

        // An incremental edit (its range possibly out of the document) then requests on the result.
        Range edit = range(b, r);
        String inserted = r.nextBoolean() ? "" : r.nextBoolean() ? "x" : "\n  ratio 30%\n";
        s.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(edit, inserted))));
        String expected = applyClamped(text, edit, inserted);
        Bounds after = new Bounds(expected);
        List<? extends TextEdit> reformat = get(s.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true))));
        assertEquals(Formatter.format(expected), TitansAssert.apply(expected, reformat), "the server's text after an edit is the model's");
        get(s.completion(new CompletionParams(id, position(after, r))));
        get(s.hover(new HoverParams(id, position(after, r))));
        n += 3;
        s.didClose(new DidCloseTextDocumentParams(id));
        // Requests for a closed document answer empty, not an error.
        if (get(s.hover(new HoverParams(id, position(after, r)))) != null) throw new AssertionError("hover on a closed document");
        if (!get(s.documentSymbol(new DocumentSymbolParams(id))).isEmpty()) throw new AssertionError("symbols of a closed document");
        return n + 2;
    }

    /** The edit as a client expects it: positions clamped into the document, the end never before the start. */
    static String applyClamped(String text, Range r, String inserted) {
        int start = offset(text, r.getStart());
        int end = Math.max(start, offset(text, r.getEnd()));
        return text.substring(0, start) + inserted + text.substring(end);
    }

    static int offset(String text, Position p) {
        String[] lines = text.split("\n", -1);
        if (p.getLine() < 0) return 0;
        if (p.getLine() >= lines.length) return text.length();
        int start = 0;
        for (int i = 0; i < p.getLine(); i++) start += lines[i].length() + 1;
        return start + Math.max(0, Math.min(p.getCharacter(), lines[p.getLine()].length()));
    }

    static void checkSymbol(Bounds b, DocumentSymbol sym) {
        b.check("symbol " + sym.getName(), sym.getRange());
        b.check("symbol selection " + sym.getName(), sym.getSelectionRange());
        if (sym.getChildren() != null) sym.getChildren().forEach(c -> checkSymbol(b, c));
    }

    /** Mostly inside the document, sometimes at its edges or far outside (negative, huge, Integer.MAX_VALUE). */
    static Position position(Bounds b, Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> new Position(-1 - r.nextInt(3), r.nextInt(5) - 2);
            case 1 -> new Position(b.lines() + r.nextInt(3), r.nextInt(10));
            case 2 -> new Position(r.nextInt(b.lines()), Integer.MAX_VALUE);
            case 3 -> new Position(Integer.MAX_VALUE, Integer.MAX_VALUE);
            default -> {
                int line = r.nextInt(b.lines());
                yield new Position(line, r.nextInt(b.length(line) + 1));
            }
        };
    }

    static Range range(Bounds b, Random r) {
        Position a = position(b, r);
        Position c = position(b, r);
        return r.nextInt(8) == 0 ? new Range(c, a) : new Range(a, c);
    }

    /** The answer of a request, or null when it answered a JSON-RPC error; a hang or an exception fails. */
    static <T> T get(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(CASE_LIMIT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException) return null;
            throw e;
        }
    }

    static String escape(String s) {
        String e = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return e.length() > 4000 ? e.substring(0, 4000) + "..." : e;
    }
}
